package io.trajectory.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Roles: viewer reads, analyst also takes extracts, admin also refreshes; basic auth by default. */
@MicronautTest(transactional = false) // the tests hold no connection of the control database
class AccessTest extends ServiceTestSupport {

    static final String GAP = url("/api/v1/trajectory-gap", "period", "2008/09 Q2");

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    protected HttpClient client() {
        return client;
    }

    int status(String url, String login, String accept) {
        return get(url, login, accept).getStatus().getCode();
    }

    @Test
    void withoutALoginTheAnswersAreRefusedButHealthAndDocsAreOpen() {
        var r = get(GAP, null, null);
        assertThat(r.getStatus().getCode()).isEqualTo(401);
        assertThat(r.getHeaders().get("WWW-Authenticate")).startsWith("Basic");
        assertThat(status("/health", null, null)).isEqualTo(200);
        assertThat(status("/prometheus", null, null)).isEqualTo(200);
        assertThat(status("/openapi.yml", null, null)).isEqualTo(200);
        assertThat(body(get("/openapi.yml", null, null))).contains("/api/v1/trajectory-gap", "/api/v1/comparison");
        assertThat(status("/swagger-ui/index.html", null, null)).isEqualTo(200);
    }

    @Test
    void aViewerMayReadButNotTakeExtracts() {
        assertThat(status(GAP, VIEWER, null)).isEqualTo(200);
        assertThat(status(GAP, VIEWER, "text/csv")).isEqualTo(403);
        assertThat(status(GAP + "&format=arrow", VIEWER, null)).isEqualTo(403);
        // the refusal says what is needed
        var refused = get(GAP + "&format=csv", VIEWER, null);
        assertThat(refused.getContentType().orElseThrow().toString()).startsWith("application/problem+json");
        assertThat(body(refused)).contains("extracts need analyst or admin");
    }

    @Test
    void anAnalystMayTakeExtractsAndAnAdminMayDoEverything() {
        assertThat(status(GAP + "&format=csv", ANALYST, null)).isEqualTo(200);
        assertThat(status(GAP + "&format=csv", ADMIN, null)).isEqualTo(200);
        assertThat(status(GAP, ADMIN, null)).isEqualTo(200);
    }

    @Test
    void aWrongPasswordIsRefused() {
        assertThat(status(GAP, "analyst:wrong", null)).isEqualTo(401);
        assertThat(status(GAP, "nobody:analyst-pass", null)).isEqualTo(401);
    }

    @Test
    void aBcryptHashedPasswordLogsInAndAWrongOneIsRefusedEvenAfterTheRightOne() {
        // admin's password is configured as a BCrypt hash (application-test.yml)
        assertThat(status(GAP, ADMIN, null)).isEqualTo(200);
        assertThat(status(GAP, "admin:admin124", null)).isEqualTo(401);
        assertThat(status(GAP, ADMIN, null)).isEqualTo(200);
        assertThat(status(GAP, "admin:admin123 ", null)).isEqualTo(401);
        assertThat(status(GAP, "admin:", null)).isEqualTo(401);
    }

    @Test
    void onlyAnAdminMayStartARefresh() {
        assertThat(exchange(HttpRequest.POST("/api/v1/refreshes", Map.of()).basicAuth("analyst", "analyst-pass"), String.class)
                .getStatus().getCode()).isEqualTo(403);
        assertThat(exchange(HttpRequest.POST("/api/v1/refreshes", Map.of()), String.class).getStatus().getCode()).isEqualTo(401);
    }
}
