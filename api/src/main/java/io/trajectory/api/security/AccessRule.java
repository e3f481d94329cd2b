package io.trajectory.api.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.rules.SecurityRuleResult;
import io.trajectory.api.web.ExtractFormat;
import io.trajectory.api.web.ProblemException;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import io.micronaut.core.async.publisher.Publishers;

import java.util.Collection;
import java.util.List;

/**
 * Who may do what. Health, metrics, the OpenAPI document, Swagger UI, scripts and styles are
 * open. The scrutiny pages (and their CSV downloads, which carry only what the page shows) need
 * any role (or {@code anonymous-read}); pages under {@code /admin/} need admin. Under
 * {@code /api/}: refreshes (POST) need admin; CSV and Arrow extracts need analyst or admin (or
 * {@code anonymous-extracts}); other reads need any role (or {@code anonymous-read}).
 */
@Singleton
public class AccessRule implements SecurityRule<HttpRequest<?>> {

    /** Before Micronaut's own rules, so this one decides every request. */
    public static final int ORDER = -1000;

    private final SecurityConfig config;

    public AccessRule(SecurityConfig config) {
        this.config = config;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Publisher<SecurityRuleResult> check(@Nullable HttpRequest<?> request, @Nullable Authentication authentication) {
        if (request == null) {
            return Publishers.just(SecurityRuleResult.UNKNOWN);
        }
        return Publishers.just(decide(request, authentication == null ? List.of() : authentication.getRoles(),
                authentication != null));
    }

    SecurityRuleResult decide(HttpRequest<?> request, Collection<String> roles, boolean loggedIn) {
        String path = request.getPath();
        if (path.equals("/admin") || path.startsWith("/admin/")) {
            return allowIf(Roles.any(roles, Roles.REFRESH));
        }
        if (isPage(path)) {
            return allowIf(config.anonymousRead() || Roles.any(roles, Roles.READ));
        }
        if (!path.startsWith("/api/")) {
            return SecurityRuleResult.ALLOWED; // health, prometheus, openapi, swagger-ui, scripts, styles
        }
        if (path.startsWith("/api/v1/refreshes") && request.getMethod() != HttpMethod.GET) {
            return allowIf(Roles.any(roles, Roles.REFRESH));
        }
        ExtractFormat format;
        try {
            format = ExtractFormat.of(request);
        } catch (ProblemException badFormat) {
            format = ExtractFormat.JSON; // the controller answers 400
        }
        if (format.isExtract()) {
            return allowIf(config.anonymousExtracts() || Roles.any(roles, Roles.EXTRACT));
        }
        return allowIf(config.anonymousRead() || Roles.any(roles, Roles.READ));
    }

    /** The scrutiny pages and their downloads. */
    static boolean isPage(String path) {
        return path.equals("/") || PAGES.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/")
                || path.startsWith(p + "."));
    }

    private static final List<String> PAGES = List.of("/theme", "/indicator", "/moved", "/risk-summary", "/reports");

    private static SecurityRuleResult allowIf(boolean allowed) {
        return allowed ? SecurityRuleResult.ALLOWED : SecurityRuleResult.REJECTED;
    }
}
