package io.trajectory.api.snapshot;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.scheduling.annotation.Scheduled;
import io.trajectory.api.TrajectoryConfig;
import io.trajectory.warehouse.query.BenchmarkQuery;
import io.trajectory.warehouse.query.CatalogueQuery;
import io.trajectory.warehouse.query.IndicatorSummary;
import io.trajectory.warehouse.query.SnapshotInfo;
import io.trajectory.warehouse.snapshot.Snapshot;
import io.trajectory.warehouse.snapshot.SnapshotStore;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The snapshot the service answers from. It opens the file {@code data/current} names,
 * read-only, and looks again every {@code trajectory.snapshot-poll}: when a newer snapshot has
 * been published it opens it, makes it live with one atomic swap, and closes the old one once
 * the queries still running on it have finished. Requests never fail because of a switch.
 */
@Singleton
public class LiveSnapshot implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(LiveSnapshot.class);

    private final SnapshotStore store;
    private final CatalogueQuery catalogue;
    private final AnswerCacheConfig cache;
    private final AtomicReference<OpenSnapshot> live = new AtomicReference<>();
    private final Queue<OpenSnapshot> retired = new ConcurrentLinkedQueue<>();

    public LiveSnapshot(TrajectoryConfig config, CatalogueQuery catalogue, AnswerCacheConfig cache) {
        this.store = SnapshotStore.at(config.dataDir());
        this.catalogue = catalogue;
        this.cache = cache;
    }

    /**
     * Opens the published snapshot as soon as this bean exists, so whatever is built on it (the
     * sign-off watcher, the first request) finds it serving rather than racing its opening.
     */
    @PostConstruct
    void openCurrent() {
        refresh();
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        if (live.get() == null) {
            LOG.warn("No snapshot published under {} yet; answering 503 until one is", store.dataDir());
        }
    }

    /** Looks at {@code data/current} on the configured schedule. */
    @Scheduled(fixedDelay = "${trajectory.snapshot-poll:5s}", initialDelay = "${trajectory.snapshot-poll:5s}")
    void poll() {
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.warn("Could not switch to the newest snapshot; still serving {}: {}", describe(live.get()), e.getMessage());
        }
    }

    /**
     * Switches to the snapshot {@code data/current} names if it is not the live one.
     *
     * @return true when a new snapshot became live
     */
    public synchronized boolean refresh() {
        Optional<Snapshot> published;
        try {
            published = store.current();
        } catch (IllegalStateException | UncheckedIOException e) {
            throw new IllegalStateException("cannot read the current snapshot pointer: " + e.getMessage(), e);
        }
        OpenSnapshot old = live.get();
        if (published.isEmpty() || (old != null && old.snapshot().equals(published.get()))) {
            return false;
        }
        OpenSnapshot opened = open(published.get());
        live.set(opened);
        LOG.info("Serving snapshot v{} ({}), latest quarter {}", opened.info().version(), opened.snapshot().file(),
                opened.info().latestPeriod());
        if (old != null) {
            retired.add(old);
            old.retire();
        }
        return true;
    }

    /**
     * Runs {@code work} on the live snapshot with a connection of its own. The snapshot stays
     * open until the work returns, even if a newer one becomes live meanwhile.
     *
     * @throws NoSnapshotException when nothing has been published yet
     */
    public <T> T query(SnapshotWork<T> work) throws SQLException {
        OpenSnapshot s = acquire();
        try {
            return s.run(work);
        } finally {
            s.release();
        }
    }

    /**
     * As {@link #query}, but an answer already worked out on the live snapshot for the same
     * {@code key} is given again without running {@code work} ({@code trajectory.answer-cache}).
     * Only for work that reads nothing but the snapshot and returns a value nobody changes.
     */
    public <T> T answer(AnswerKey key, SnapshotWork<T> work) throws SQLException {
        OpenSnapshot s = acquire();
        try {
            return s.answer(key, work);
        } finally {
            s.release();
        }
    }

    /** How many answers the live snapshot keeps. */
    public long answersKept() {
        OpenSnapshot s = live.get();
        return s == null ? 0 : s.answersKept();
    }

    /** The live snapshot's description, if any. */
    public Optional<SnapshotInfo> info() {
        return Optional.ofNullable(live.get()).map(o -> o.info().info());
    }

    /** Snapshots retired by a switch that are still open because queries were using them. */
    public int retiredStillOpen() {
        retired.removeIf(OpenSnapshot::isClosed);
        return retired.size();
    }

    private OpenSnapshot acquire() {
        while (true) {
            OpenSnapshot s = live.get();
            if (s == null) {
                throw new NoSnapshotException("No warehouse snapshot has been published under " + store.dataDir()
                        + " yet; run the ETL (./trajectory etl --landing DIR --data " + store.dataDir() + ") first.");
            }
            if (s.tryAcquire()) {
                return s;
            }
            // it closed between get() and tryAcquire(): a newer one is live by now
        }
    }

    private OpenSnapshot open(Snapshot snapshot) {
        DuckDBConnection root = null;
        try {
            root = (DuckDBConnection) DriverManager.getConnection(snapshot.readOnlyUrl());
            Served info;
            try (Connection c = root.duplicate()) {
                SnapshotInfo inside = catalogue.snapshotInfo(c);
                // the published file's version is the one data/current names; they agree for every
                // snapshot the ETL publishes, and the file name wins for one copied by hand
                SnapshotInfo described = new SnapshotInfo(snapshot.version(), inside.publishedAt(), inside.latestPeriod(),
                        inside.rowsLoaded(), inside.rowsQuarantined());
                Map<String, IndicatorSummary> indicators = new LinkedHashMap<>();
                catalogue.indicators(c, null, null).forEach(i -> indicators.put(i.ref(), i));
                info = new Served(described, List.copyOf(catalogue.areas(c)), List.copyOf(catalogue.themes(c)),
                        List.copyOf(catalogue.periods(c)), Collections.unmodifiableMap(indicators),
                        List.copyOf(new BenchmarkQuery().groups(c)));
            }
            return new OpenSnapshot(snapshot, info, root, cache);
        } catch (SQLException e) {
            closeQuietly(root);
            throw new IllegalStateException("cannot open snapshot " + snapshot.file() + ": " + e.getMessage(), e);
        }
    }

    @PreDestroy
    public synchronized void close() {
        OpenSnapshot s = live.getAndSet(null);
        if (s != null) {
            s.retire();
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // already failing
            }
        }
    }

    private static String describe(OpenSnapshot s) {
        return s == null ? "nothing" : "v" + s.info().version();
    }
}
