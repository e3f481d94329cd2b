package io.trajectory.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Refreshes as they happen in production: the real ETL child process reloads the sample
 * ({@code --force}) while clients keep asking. A refresh whose ETL is killed half-way is recorded
 * as failed and the old snapshot keeps serving; two refreshes asked for at once run one at a
 * time; and a refresh that publishes switches the service with no failed request.
 */
@MicronautTest(transactional = false) // the tests hold no connection of the control database
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RefreshUnderLoadTest extends ServiceTestSupport {

    static final Path DATA = RefreshWatcherTest.copy(SampleSnapshot.dataDir(), Path.of("target/refresh-load-data"));
    static final Path LANDING = RefreshWatcherTest.copy(SampleSnapshot.root().resolve("etl/sample/landing"),
            Path.of("target/refresh-load-landing"));
    static final String CLIENTS = "4";

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
        return Map.of("trajectory.data-dir", DATA.toString(),
                "trajectory.refresh.landing-dir", LANDING.toString(),
                "trajectory.refresh.watch", "false",
                "trajectory.refresh.etl-args", "--force",
                "trajectory.snapshot-poll", "200ms",
                "trajectory.refresh.etl-jar", SampleSnapshot.etlJar().toString());
    }

    @Test
    @Order(1)
    void aRefreshWhoseEtlIsKilledIsRecordedAsFailedAndTheOldSnapshotKeepsServing() throws Exception {
        int before = live.info().orElseThrow().version();
        String location = startRefresh();
        ProcessHandle etl = waitForEtlChild();
        assertThat(etl.destroyForcibly()).isTrue();

        JsonNode run = waitForEnd(location);
        assertThat(run.get("outcome").asText()).isEqualTo("FAILED");
        assertThat(run.get("message").asText()).contains("without writing its summary", "stopped or crashed");
        assertThat(live.info().orElseThrow().version()).isEqualTo(before);
        assertThat(json(url("/api/v1/trajectory-gap", "period", "2008/09 Q2")).get("meta").get("snapshotVersion").asInt())
                .isEqualTo(before);
    }

    @Test
    @Order(2)
    void whileClientsQueryARefreshPublishesAndTheServiceSwitchesWithNoFailedRequest() throws Exception {
        int before = live.info().orElseThrow().version();
        List<String> urls = List.of(
                url("/api/v1/trend", "indicator", "LAA 5.10"),
                url("/api/v1/comparison", "from", "2008/09 Q1", "to", "2008/09 Q2"),
                url("/api/v1/comparison/risk-summary", "period", "2008/09 Q2"),
                url("/api/v1/trajectory-gap", "period", "2008/09 Q2"));
        int clients = Integer.parseInt(CLIENTS);
        Set<Integer> versionsSeen = ConcurrentHashMap.newKeySet();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger requests = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(clients + 2);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < clients; t++) {
                int offset = t;
                running.add(pool.submit(() -> {
                    int i = offset;
                    while (!stop.get()) {
                        String u = urls.get(i++ % urls.size());
                        HttpResponse<String> r = get(u);
                        requests.incrementAndGet();
                        if (r.getStatus().getCode() != 200) {
                            failures.add(u + " -> " + r.getStatus() + " " + body(r));
                        } else {
                            versionsSeen.add(parse(body(r)).get("meta").get("snapshotVersion").asInt());
                        }
                    }
                }));
            }

            // Two admins press "Refresh now" at the same moment: one runs, the other is told it is running.
            CountDownLatch go = new CountDownLatch(1);
            Future<HttpResponse<String>> first = pool.submit(() -> {
                go.await();
                return post();
            });
            Future<HttpResponse<String>> second = pool.submit(() -> {
                go.await();
                return post();
            });
            go.countDown();
            List<HttpResponse<String>> answers = List.of(first.get(60, TimeUnit.SECONDS), second.get(60, TimeUnit.SECONDS));
            List<Integer> codes = answers.stream().map(r -> r.getStatus().getCode()).sorted().toList();
            assertThat(codes).containsExactly(202, 409);
            HttpResponse<String> conflict = answers.stream().filter(r -> r.getStatus().getCode() == 409).findFirst().orElseThrow();
            assertThat(body(conflict)).contains("already running");
            String location = answers.stream().filter(r -> r.getStatus().getCode() == 202).findFirst().orElseThrow()
                    .getHeaders().get("Location");

            JsonNode run = waitForEnd(location);
            assertThat(run.get("outcome").asText()).as(run.toString()).isEqualTo("PUBLISHED");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (live.info().orElseThrow().version() == before && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            Thread.sleep(1500); // keep asking after the switch
            stop.set(true);
            for (Future<?> f : running) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            stop.set(true);
            pool.shutdownNow();
        }
        int after = live.info().orElseThrow().version();
        assertThat(after).isGreaterThan(before);
        assertThat(failures).as("failed requests out of " + requests.get()).isEmpty();
        assertThat(versionsSeen).contains(before, after);
        JsonNode history = parse(body(get("/api/v1/refreshes", VIEWER, null))).get("data");
        assertThat(history.size()).as("the killed run and the published one; the refused one is not a run").isEqualTo(2);
    }

    private HttpResponse<String> post() {
        return exchange(HttpRequest.POST("/api/v1/refreshes", null).basicAuth("admin", "admin123"), String.class);
    }

    private String startRefresh() {
        HttpResponse<String> started = post();
        assertThat(started.getStatus().getCode()).as(body(started)).isEqualTo(202);
        return started.getHeaders().get("Location");
    }

    /** The ETL child this service started (its command line names the ETL jar). */
    private static ProcessHandle waitForEtlChild() throws InterruptedException {
        String jar = SampleSnapshot.etlJar().getFileName().toString();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            Optional<ProcessHandle> child = ProcessHandle.current().children()
                    .filter(p -> p.info().commandLine().map(c -> c.contains(jar)).orElse(false)).findFirst();
            if (child.isPresent()) {
                Thread.sleep(2000); // let it get going: it is killed half-way, not before it starts
                return child.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no ETL child process started within 60 s");
    }

    private JsonNode waitForEnd(String location) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (System.nanoTime() < deadline) {
            JsonNode run = parse(body(get(location, ADMIN, null))).get("data");
            if (!run.get("outcome").asText().equals("RUNNING")) {
                return run;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the refresh did not end in 10 minutes");
    }
}
