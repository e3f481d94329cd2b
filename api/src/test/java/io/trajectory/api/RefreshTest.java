package io.trajectory.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refresh that fails (here: a landing zone without its indicator register) runs the real ETL
 * as a child process, is recorded as FAILED with the ETL's reason, and leaves the old snapshot
 * serving. Only an admin may start one.
 */
@MicronautTest(transactional = false) // the tests hold no connection of the control database
class RefreshTest extends ServiceTestSupport {

    static final Path DATA = SampleSnapshot.servedFrom("target/refresh-failure-data");
    static final Path BROKEN_LANDING = brokenLanding();

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    protected HttpClient client() {
        return client;
    }


    static Path brokenLanding() {
        try {
            Path dir = Path.of("target/refresh-broken-landing").toAbsolutePath();
            SampleSnapshot.deleteTree(dir);
            Path quarter = Files.createDirectories(dir.resolve("returns/2007-08-Q1"));
            Files.writeString(quarter.resolve("signoff.json"),
                    "{\"period\":\"2007/08 Q1\",\"signed_off_by\":\"Test\",\"signed_off_at\":\"2007-10-23T10:00:00Z\"}");
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of("trajectory.data-dir", DATA.toString(),
                "trajectory.refresh.landing-dir", BROKEN_LANDING.toString(),
                "trajectory.refresh.watch", "false",
                "trajectory.refresh.etl-jar", SampleSnapshot.etlJar().toString());
    }

    JsonNode waitForEnd(String location) throws InterruptedException {
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonNode run = parse(body(get(location, ADMIN, null))).get("data");
            if (!run.get("outcome").asText().equals("RUNNING")) {
                return run;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the refresh did not end in 5 minutes");
    }

    @Test
    void doesAFailedRefreshKeepTheOldSnapshotServingAndShowWhy() throws Exception {
        assertThat(exchange(HttpRequest.POST("/api/v1/refreshes", null).basicAuth("viewer", "viewer-pass"), String.class)
                .getStatus().getCode()).isEqualTo(403);
        HttpResponse<String> started = exchange(HttpRequest.POST("/api/v1/refreshes", null).basicAuth("admin", "admin123"),
                String.class);
        assertThat(started.getStatus().getCode()).isEqualTo(202);
        String location = started.getHeaders().get("Location");
        assertThat(location).startsWith("/api/v1/refreshes/");
        JsonNode run = waitForEnd(location);
        assertThat(run.get("outcome").asText()).isEqualTo("FAILED");
        assertThat(run.get("message").asText()).contains("indicators.csv");
        assertThat(run.get("message").asText()).as("read from the ETL's summary").contains("snapshot v1 is still serving");
        assertThat(run.get("endedAt").isNull()).isFalse();
        assertThat(run.get("requestedBy").asText()).isEqualTo("admin");

        JsonNode history = parse(body(get("/api/v1/refreshes", VIEWER, null)));
        assertThat(history.get("data").get(0).get("outcome").asText()).isEqualTo("FAILED");
        assertThat(history.get("chart").get("$schema").asText()).contains("vega-lite/v5");
        JsonNode comparison = json(url("/api/v1/comparison", "from", "2006/07 Q4", "to", "2007/08 Q1"));
        assertThat(comparison.get("meta").get("snapshotVersion").asInt()).isEqualTo(1);
    }
}
