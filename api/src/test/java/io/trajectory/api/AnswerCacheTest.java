package io.trajectory.api;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.trajectory.api.snapshot.AnswerCacheConfig;
import io.trajectory.api.snapshot.AnswerKey;
import io.trajectory.api.snapshot.LiveSnapshot;
import io.trajectory.warehouse.query.CatalogueQuery;
import jakarta.inject.Inject;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Answers are kept with the snapshot they were worked out on: asked again on it, they are not
 * worked out again; a newer snapshot answers afresh; a failure, an extract and a page's frame are
 * never kept.
 */
@MicronautTest(transactional = false) // the tests hold no connection of the control database
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AnswerCacheTest extends ServiceTestSupport {

    static final Path DATA = SampleSnapshot.servedFrom("target/answer-cache-data");
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

    private static long facts(java.sql.Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select count(*) from fact_indicator_return")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    @Order(1)
    void theSameQuestionOnTheSameSnapshotIsWorkedOutOnceEvenWhenAskedAtOnce() throws Exception {
        AnswerKey key = new AnswerKey("/test/facts", Map.of("n", List.of("1")));
        AtomicInteger runs = new AtomicInteger();
        int clients = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Long>> answers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return live.answer(key, (c, info) -> {
                        runs.incrementAndGet();
                        java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200)); // long enough for every client to ask while it runs
                        return facts(c);
                    });
                }));
            }
            start.countDown();
            List<Long> counts = new ArrayList<>();
            for (Future<Long> f : answers) {
                counts.add(f.get(30, TimeUnit.SECONDS));
            }
            assertThat(counts).hasSize(clients).allSatisfy(n -> assertThat(n).isEqualTo(counts.get(0)).isPositive());
        } finally {
            pool.shutdownNow();
        }
        assertThat(runs).as("one query for eight requests").hasValue(1);
        long kept = live.answer(key, (c, info) -> -1L);
        long worked = live.query((c, info) -> facts(c));
        assertThat(kept).as("kept").isEqualTo(worked);
        AnswerKey other = new AnswerKey("/test/facts", Map.of("n", List.of("2")));
        long another = live.answer(other, (c, info) -> -1L);
        assertThat(another).as("another question is worked out").isEqualTo(-1L);
    }

    @Test
    @Order(2)
    void aFailedAnswerIsNotKept() throws Exception {
        AnswerKey key = new AnswerKey("/test/fails-once", Map.of());
        assertThatThrownBy(() -> live.answer(key, (c, info) -> {
            try (Statement st = c.createStatement()) {
                st.executeQuery("select * from no_such_table");
            }
            return 1L;
        })).isInstanceOf(SQLException.class).hasMessageContaining("no_such_table");
        long retried = live.answer(key, (c, info) -> facts(c));
        assertThat(retried).isPositive();
    }

    @Test
    @Order(3)
    void answersAndPagesAreKeptButExtractsAreNot() {
        long before = live.answersKept();
        assertThat(get(TREND, ANALYST, null).getStatus().getCode()).isEqualTo(200);
        assertThat(live.answersKept()).isEqualTo(before + 1);
        // the same question with its parameters in another order is the same answer
        assertThat(get(url("/api/v1/trend", "to", "2008/09 Q2", "indicator", "LAA 5.10"), ANALYST, null)
                .getStatus().getCode()).isEqualTo(200);
        assertThat(get(url("/api/v1/trend", "indicator", "LAA 5.10", "to", "2008/09 Q2"), ANALYST, null)
                .getStatus().getCode()).isEqualTo(200);
        assertThat(live.answersKept()).isEqualTo(before + 2);

        assertThat(get(TREND, ANALYST, "text/csv").getStatus().getCode()).isEqualTo(200);
        assertThat(get(url("/api/v1/trend", "indicator", "LAA 5.10", "format", "arrow"), ANALYST, null)
                .getStatus().getCode()).isEqualTo(200);
        assertThat(live.answersKept()).as("extracts are worked out each time").isEqualTo(before + 2);

        assertThat(get(url("/", "period", "2008/09 Q2"), VIEWER, null).getStatus().getCode()).isEqualTo(200);
        assertThat(live.answersKept()).isEqualTo(before + 3);
        // a bad parameter is a problem, and nothing is kept for it
        assertThat(get(url("/api/v1/trend", "indicator", "NO SUCH"), ANALYST, null).getStatus().getCode()).isEqualTo(404);
        assertThat(live.answersKept()).isEqualTo(before + 3);
    }

    @Test
    @Order(4)
    void aKeptPageIsFramedForWhoeverAsks() {
        String page = url("/", "period", "2008/09 Q2");
        String admin = body(get(page, ADMIN, null));
        String viewer = body(get(page, VIEWER, null));
        String adminAgain = body(get(page, ADMIN, null));
        assertThat(admin).contains("href=\"/admin/refreshes\"");
        assertThat(viewer).doesNotContain("href=\"/admin/refreshes\"").contains("Indicator risk summary");
        assertThat(adminAgain).isEqualTo(admin);
    }

    @Test
    @Order(5)
    void aNewSnapshotAnswersAfresh() throws Exception {
        assertThat(parse(body(get(TREND, ANALYST, null))).get("meta").get("snapshotVersion").asInt()).isEqualTo(1);
        SampleSnapshot.copyAsVersion(DATA, 2);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (live.info().orElseThrow().version() != 2 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(live.answersKept()).as("the new snapshot starts with nothing kept").isZero();
        assertThat(parse(body(get(TREND, ANALYST, null))).get("meta").get("snapshotVersion").asInt()).isEqualTo(2);
        assertThat(live.answersKept()).isEqualTo(1);
    }

    @Test
    void withTheCacheOffEveryQuestionIsWorkedOut() throws Exception {
        Path dir = SampleSnapshot.servedFrom("target/answer-cache-off-data");
        LiveSnapshot off = new LiveSnapshot(new TrajectoryConfig(dir, Duration.ofSeconds(5)), new CatalogueQuery(),
                new AnswerCacheConfig(0));
        try {
            off.refresh();
            AnswerKey key = new AnswerKey("/test/off", Map.of());
            AtomicInteger runs = new AtomicInteger();
            for (int i = 0; i < 3; i++) {
                off.answer(key, (c, info) -> runs.incrementAndGet());
            }
            assertThat(runs).hasValue(3);
            assertThat(off.answersKept()).isZero();
        } finally {
            off.close();
        }
        assertThatThrownBy(() -> new AnswerCacheConfig(-1)).hasMessageContaining("trajectory.answer-cache.max-entries");
    }
}
