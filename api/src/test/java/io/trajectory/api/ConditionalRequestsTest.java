package io.trajectory.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.trajectory.api.snapshot.LiveSnapshot;
import jakarta.inject.Inject;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Answers and pages carry an ETag naming the snapshot they came from; sent back, it gets a 304
 * until a newer snapshot serves, and never to someone who may not read the answer.
 */
@MicronautTest(transactional = false) // the tests hold no connection of the control database
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConditionalRequestsTest extends ServiceTestSupport {

    static final Path DATA = SampleSnapshot.servedFrom("target/conditional-data");
    static final String TREND = url("/api/v1/trend", "indicator", "LAA 5.10");

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    LiveSnapshot live;

    @Override
    protected HttpClient client() {
        return client;
    }


    @Override
    public Map<String, String> getProperties() {
        return Map.of("trajectory.data-dir", DATA.toString(), "trajectory.snapshot-poll", "100ms");
    }

    private HttpResponse<String> get(String url, String ifNoneMatch, String accept, String login) {
        MutableHttpRequest<?> request = HttpRequest.GET(url);
        if (login != null) {
            String[] up = login.split(":", 2);
            request.basicAuth(up[0], up[1]);
        }
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        if (accept != null) {
            request.accept(accept);
        }
        return exchange(request, String.class);
    }

    @Test
    @Order(1)
    void anAnswerAskedAgainWithItsTagIsNotSentAgain() {
        HttpResponse<String> first = get(TREND, null, null, ANALYST);
        assertThat(first.getStatus().getCode()).isEqualTo(200);
        String tag = first.getHeaders().get("ETag");
        assertThat(tag).startsWith("W/\"v1-");
        assertThat(first.getHeaders().get("Cache-Control")).isEqualTo("private, no-cache");
        assertThat(first.getHeaders().get("Vary")).contains("Accept", "Authorization");

        HttpResponse<String> again = get(TREND, tag, null, ANALYST);
        assertThat(again.getStatus().getCode()).isEqualTo(304);
        assertThat(again.getHeaders().get("ETag")).isEqualTo(tag);
        assertThat(body(again)).isEmpty();
        assertThat(get(TREND, "\"other\", " + tag, null, ANALYST).getStatus().getCode()).as("one of a list").isEqualTo(304);
        assertThat(get(TREND, "W/\"v1-000000000000000000000000\"", null, ANALYST).getStatus().getCode()).isEqualTo(200);

        // Another representation, another user, another question: other tags.
        HttpResponse<String> csv = get(TREND, null, "text/csv", ANALYST);
        assertThat(csv.getStatus().getCode()).isEqualTo(200);
        assertThat(csv.getHeaders().get("ETag")).isNotEqualTo(tag);
        assertThat(get(TREND, tag, null, VIEWER).getStatus().getCode()).isEqualTo(200);
        assertThat(get(url("/api/v1/trend", "indicator", "LAA 5.9"), tag, null, ANALYST).getStatus().getCode()).isEqualTo(200);
        // Security comes first: no 304 for someone who may not read it.
        assertThat(get(TREND, tag, null, null).getStatus().getCode()).isEqualTo(401);
    }

    @Test
    @Order(2)
    void pagesAreTaggedButTheRefreshHistoryAndStaticFilesAreNot() {
        HttpResponse<String> page = get(url("/", "period", "2008/09 Q2"), null, null, VIEWER);
        assertThat(page.getStatus().getCode()).isEqualTo(200);
        String tag = page.getHeaders().get("ETag");
        assertThat(tag).startsWith("W/\"v1-");
        assertThat(get(url("/", "period", "2008/09 Q2"), tag, null, VIEWER).getStatus().getCode()).isEqualTo(304);

        HttpResponse<String> history = get("/api/v1/refreshes", null, null, VIEWER);
        assertThat(history.getStatus().getCode()).isEqualTo(200);
        assertThat(history.getHeaders().get("ETag")).isNull();
        HttpResponse<String> css = get("/css/pages.css", null, null, VIEWER);
        assertThat(css.getStatus().getCode()).isEqualTo(200);
        assertThat(String.valueOf(css.getHeaders().get("ETag"))).doesNotStartWith("W/\"v");
        HttpResponse<String> problem = get(url("/api/v1/trend", "indicator", "NO SUCH"), null, null, ANALYST);
        assertThat(problem.getStatus().getCode()).isEqualTo(404);
        assertThat(problem.getHeaders().get("ETag")).as("only answers are tagged").isNull();
    }

    @Test
    @Order(3)
    void aNewSnapshotMakesTheOldTagStale() throws Exception {
        String tag = get(TREND, null, null, ANALYST).getHeaders().get("ETag");
        SampleSnapshot.copyAsVersion(DATA, 2);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (live.info().orElseThrow().version() != 2 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        HttpResponse<String> fresh = get(TREND, tag, null, ANALYST);
        assertThat(fresh.getStatus().getCode()).isEqualTo(200);
        assertThat(fresh.getHeaders().get("ETag")).startsWith("W/\"v2-");
        assertThat(parse(body(fresh)).get("meta").get("snapshotVersion").asInt()).isEqualTo(2);
    }
}
