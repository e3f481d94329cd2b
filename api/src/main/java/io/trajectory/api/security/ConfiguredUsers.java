package io.trajectory.api.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestAuthenticationProvider;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** HTTP basic logins checked against the users in {@code application.yml}. */
@Singleton
public class ConfiguredUsers<B> implements HttpRequestAuthenticationProvider<B> {

    private final Map<String, UserConfig> users;

    public ConfiguredUsers(List<UserConfig> users) {
        this.users = users.stream().collect(Collectors.toMap(UserConfig::name, Function.identity()));
    }

    @Override
    public AuthenticationResponse authenticate(HttpRequest<B> request, AuthenticationRequest<String, String> login) {
        UserConfig user = users.get(login.getIdentity());
        if (user == null || user.password() == null || user.password().isBlank()) {
            return AuthenticationResponse.failure(AuthenticationFailureReason.USER_NOT_FOUND);
        }
        if (!matches(user.password(), login.getSecret())) {
            return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
        }
        List<String> roles = user.roles() == null ? List.of() : user.roles().stream()
                .map(r -> r.strip().toLowerCase(Locale.ROOT)).toList();
        return AuthenticationResponse.success(user.name(), roles);
    }

    static boolean matches(String configured, String given) {
        byte[] expected;
        byte[] actual;
        if (configured.startsWith("sha256:")) {
            expected = HexFormat.of().parseHex(configured.substring("sha256:".length()).strip().toLowerCase(Locale.ROOT));
            actual = sha256(given == null ? "" : given);
        } else {
            expected = configured.getBytes(StandardCharsets.UTF_8);
            actual = (given == null ? "" : given).getBytes(StandardCharsets.UTF_8);
        }
        return MessageDigest.isEqual(expected, actual);
    }

    static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
