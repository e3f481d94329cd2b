package io.trajectory.api.security;

import io.micronaut.context.annotation.Context;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestAuthenticationProvider;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * HTTP basic logins checked against the users in {@code application.yml}. Each configured
 * password is a BCrypt hash ({@code ./trajectory hash-password}) or a plain password from an
 * environment variable, which is kept only as a keyed hash in memory. A {@code sha256:} hash (too
 * fast to keep a password safe) or any other kind of hash stops the service at start-up
 * ({@link Context}: this bean is made when the service starts, not at the first login) with a
 * message naming the user and the key.
 */
@Context
public class ConfiguredUsers<B> implements HttpRequestAuthenticationProvider<B> {

    /** {@code $id$...}: the modular crypt format every password hash (Argon2, SHA-crypt, ...) is written in. */
    private static final Pattern SOME_HASH = Pattern.compile("\\$[0-9a-z-]+\\$.*");

    private static final Set<String> STANDARD_USERS = Set.of(Roles.VIEWER, Roles.ANALYST, Roles.ADMIN);

    /** {@code hash} null: a plain password, known here only by its seal. */
    private record User(String name, PasswordHash hash, List<String> roles) {
    }

    private final Map<String, User> users = new LinkedHashMap<>();

    /**
     * Each user's password sealed (HMAC-SHA256) with a key made at start-up: a plain password from
     * the start, a BCrypt user's once a login has proven it. Basic auth sends the password with every
     * request, and BCrypt on every request would cost each one 0.1-0.3 s of CPU; a wrong password
     * for a BCrypt user always goes through BCrypt.
     */
    private final Map<String, byte[]> proven = new ConcurrentHashMap<>();
    private final SecretKeySpec sealKey;

    public ConfiguredUsers(List<UserConfig> configured) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        sealKey = new SecretKeySpec(key, "HmacSHA256");
        for (UserConfig u : configured) {
            String password = u.password();
            if (password == null || password.isBlank()) {
                continue; // cannot log in
            }
            PasswordHash hash = configuredHash(u.name(), password);
            if (hash == null) {
                proven.put(u.name(), seal(password));
            }
            List<String> roles = u.roles() == null ? List.of() : u.roles().stream()
                    .map(r -> r.strip().toLowerCase(Locale.ROOT)).toList();
            users.put(u.name(), new User(u.name(), hash, roles));
        }
    }

    /** The BCrypt hash configured for {@code user}; null for a plain password; refused for any other hash. */
    static PasswordHash configuredHash(String user, String password) {
        String key = "trajectory.security.users." + user + ".password";
        String refused = "user '" + user + "': " + key;
        String remedy = " Make a BCrypt hash with ./trajectory hash-password and put it there instead, or give the "
                + "plain password in the environment (" + environmentVariable(user) + ").";
        if (password.startsWith("sha256:")) {
            throw new PasswordConfigException(refused + " is a plain sha256: hash, too fast to keep a password safe, "
                    + "and is no longer accepted." + remedy);
        }
        if (PasswordHash.isBcrypt(password)) {
            return new PasswordHash(password);
        }
        if (password.startsWith("$2")) {
            throw new PasswordConfigException(refused + " is not a whole BCrypt hash (60 characters: $2a$, the cost, "
                    + "then 53 of salt and hash); copy the whole line ./trajectory hash-password printed, in single quotes.");
        }
        if (SOME_HASH.matcher(password).matches()) {
            throw new PasswordConfigException(refused + " looks like a password hash but not a BCrypt one "
                    + "($2a$, $2b$ or $2y$)." + remedy);
        }
        return null;
    }

    /** Where application.yml reads the three standard users' passwords from; Micronaut's own name for others. */
    private static String environmentVariable(String user) {
        String name = user.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
        return STANDARD_USERS.contains(user) ? "TRAJECTORY_" + name + "_PASSWORD"
                : "TRAJECTORY_SECURITY_USERS_" + name + "_PASSWORD";
    }

    @Override
    public AuthenticationResponse authenticate(HttpRequest<B> request, AuthenticationRequest<String, String> login) {
        User user = users.get(login.getIdentity());
        if (user == null) {
            return AuthenticationResponse.failure(AuthenticationFailureReason.USER_NOT_FOUND);
        }
        if (!verified(user, login.getSecret())) {
            return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
        }
        return AuthenticationResponse.success(user.name(), user.roles());
    }

    private boolean verified(User user, String given) {
        if (given == null) {
            return false;
        }
        byte[] seal = seal(given);
        byte[] known = proven.get(user.name());
        if (known != null && MessageDigest.isEqual(known, seal)) {
            return true;
        }
        if (user.hash() == null || !user.hash().matches(given)) {
            return false;
        }
        proven.put(user.name(), seal);
        return true;
    }

    private byte[] seal(String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(sealKey);
            return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
