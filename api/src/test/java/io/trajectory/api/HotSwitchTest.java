package io.trajectory.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.trajectory.api.snapshot.LiveSnapshot;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A newer snapshot published while clients keep asking is picked up without a restart (by the
 * scheduled look at {@code data/current}), and no request fails, before, during or after.
 */
@MicronautTest(transactional = false) // the tests hold no connection of the control database
class HotSwitchTest extends ServiceTestSupport {

    static final Path DATA = SampleSnapshot.servedFrom("target/hot-switch-data");

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

    @Test
    void isANewlyPublishedSnapshotServedWithoutARestartAndWithoutFailingARequest() throws Exception {
        assertThat(live.info().orElseThrow().version()).isEqualTo(1);
        List<String> urls = List.of(
                url("/api/v1/comparison", "from", "2006/07 Q4", "to", "2007/08 Q1"),
                url("/api/v1/trend", "indicator", "LAA 5.10"),
                url("/api/v1/trajectory-gap", "period", "2008/09 Q2"),
                url("/api/v1/trend/themes", "from", "2006/07 Q1", "to", "2008/09 Q2"));
        Set<Integer> versionsSeen = ConcurrentHashMap.newKeySet();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger requests = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> running = new java.util.ArrayList<>();
            for (int t = 0; t < 6; t++) {
                int offset = t;
                running.add(clients.submit(() -> {
                    int i = offset;
                    while (!stop.get()) {
                        String u = urls.get(i++ % urls.size());
                        HttpResponse<String> r = get(u);
                        requests.incrementAndGet();
                        if (r.getStatus().getCode() != 200) {
                            failures.add(u + " -> " + r.getStatus() + " " + body(r));
                        } else {
                            JsonNode meta = parse(body(r)).get("meta");
                            versionsSeen.add(meta.get("snapshotVersion").asInt());
                        }
                    }
                }));
            }
            Thread.sleep(1500);
            int before = requests.get();
            SampleSnapshot.copyAsVersion(DATA, 2); // what a refresh does: a new file, then data/current
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (live.info().orElseThrow().version() != 2 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            Thread.sleep(1500);
            stop.set(true);
            for (Future<?> f : running) {
                f.get(60, TimeUnit.SECONDS);
            }
            assertThat(before).as("requests before the switch").isPositive();
        } finally {
            stop.set(true);
            clients.shutdownNow();
        }
        assertThat(failures).as("failed requests out of " + requests.get()).isEmpty();
        assertThat(live.info().orElseThrow().version()).isEqualTo(2);
        assertThat(versionsSeen).containsExactlyInAnyOrder(1, 2);
        assertThat(json(urls.get(0)).get("meta").get("snapshotVersion").asInt()).isEqualTo(2);
        assertThat(live.retiredStillOpen()).as("the old snapshot closes once its queries are done").isZero();
        assertThat(json("/health").get("details").get("snapshot").get("details").get("version").asInt()).isEqualTo(2);
    }
}
