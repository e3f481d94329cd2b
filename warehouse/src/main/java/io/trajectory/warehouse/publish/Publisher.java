package io.trajectory.warehouse.publish;

import io.trajectory.warehouse.lake.Batch;
import io.trajectory.warehouse.lake.Lake;
import io.trajectory.warehouse.period.FiscalQuarter;
import io.trajectory.warehouse.rating.Rating;
import io.trajectory.warehouse.snapshot.Snapshot;
import io.trajectory.warehouse.snapshot.SnapshotStore;
import io.trajectory.warehouse.sql.SqlScript;
import io.trajectory.warehouse.trajectory.Trajectory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Builds a new versioned DuckDB snapshot from the committed batches of the lake and makes it
 * current only when it is complete. DuckDB reads the lake's Parquet directly; the SQL is in
 * {@code schema/*.sql} (one table per file) and {@code publish/*.sql} (the steps, in order).
 */
public final class Publisher {


    static final List<String> SCHEMA = List.of(
            "dim_period", "dim_theme", "dim_area", "dim_comparison_group", "bridge_comparison_group_area", "dim_officer",
            "dim_rating", "dim_indicator", "dim_plan", "dim_commitment", "fact_indicator_return", "fact_trajectory",
            "fact_commitment_return",
            "meta_refresh", "meta_source_file", "meta_return", "meta_quarantine");

    static final List<String> STEPS = List.of(
            "00_macros", "01_stage_loads", "02_stage_lake", "03_dimensions", "04_facts", "05_meta",
            "06_marts", "06b_movers", "07_views");

    private final Consumer<String> progress;

    public Publisher(Consumer<String> progress) {
        this.progress = progress;
    }

    public PublishResult publish(Lake lake, SnapshotStore store, PublishOptions options) throws SQLException {
        Instant started = Instant.now();
        store.removePartials();
        List<Batch> batches = lake.committedBatches();
        if (batches.isEmpty()) {
            throw new IllegalStateException("the lake at " + lake.root() + " has no committed loads to publish");
        }
        if (!hasParquet(lake.root().resolve("fact_indicator_return"))) {
            throw new IllegalStateException("no quarterly return has been loaded into the lake at " + lake.root()
                    + " yet: add returns/<quarter>/indicators.csv to the landing zone and load again");
        }
        String fingerprint = fingerprint(batches, options);
        Optional<Snapshot> current = store.current();
        if (current.isPresent() && !options.force() && fingerprint.equals(fingerprintOf(current.get()))) {
            progress.accept("publish: nothing changed since snapshot v" + current.get().version());
            return summarise(current.get(), false, started, Map.of());
        }

        int version = store.nextVersion();
        Path staging = store.stagingFile(version);
        progress.accept("publish: building snapshot v" + version + " from " + batches.size() + " lake batch(es)");
        Map<String, Long> steps;
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + staging, options.duckDbSettings())) {
            steps = build(c, lake, batches, options, version, fingerprint);
        } catch (SQLException | RuntimeException e) {
            deleteQuietly(staging);
            throw e;
        }
        Snapshot snapshot = store.promote(staging, version);
        store.prune(options.keepSnapshots());
        progress.accept("publish: snapshot v" + version + " is current (" + snapshot.file() + ")");
        return summarise(snapshot, true, started, steps);
    }

    /** Builds the snapshot in {@code c}; returns each step's milliseconds. */
    private Map<String, Long> build(Connection c, Lake lake, List<Batch> batches, PublishOptions options, int version,
                                    String fingerprint) throws SQLException {
        // the reward share the newest batch's definitions were loaded with (every batch writes them)
        double rewardShare = batches.get(batches.size() - 1).rewardShare().orElse(Trajectory.DEFAULT_REWARD_SHARE);
        Map<String, Object> params = Map.of(
                "lake", lake.root().toString(),
                "include_provisional", options.includeProvisional(),
                "reward_share", rewardShare);
        for (String table : SCHEMA) {
            SqlScript.load(Publisher.class, "/io/trajectory/warehouse/schema/" + table + ".sql").execute(c, params);
        }
        insertRatings(c);
        try (Statement st = c.createStatement()) {
            st.execute("create temp table stage_committed_batch (batch_id varchar primary key)");
        }
        try (PreparedStatement ps = c.prepareStatement("insert into stage_committed_batch values (?)")) {
            for (Batch b : batches) {
                ps.setString(1, b.id());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        Map<String, Long> steps = new LinkedHashMap<>();
        for (String step : STEPS) {
            long t = System.nanoTime();
            SqlScript.load(Publisher.class, "/io/trajectory/warehouse/publish/" + step + ".sql").execute(c, params);
            long millis = Duration.ofNanos(System.nanoTime() - t).toMillis();
            steps.put(step, millis);
            progress.accept("publish: " + step + " (" + millis + " ms)");
        }
        try (PreparedStatement ps = c.prepareStatement("""
                insert into meta_refresh
                select ?, ?, ?, ?,
                       (select max(return_period_key) from meta_return where is_published),
                       ?,
                       (select count(*) from fact_indicator_return),
                       (select count(*) from meta_quarantine)
                """)) {
            ps.setInt(1, version);
            ps.setTimestamp(2, Timestamp.from(Instant.now()));
            ps.setString(3, fingerprint);
            ps.setBoolean(4, options.includeProvisional());
            ps.setString(5, String.join(",", batches.stream().map(Batch::id).toList()));
            ps.execute();
        }
        try (Statement st = c.createStatement()) {
            st.execute("checkpoint");
        }
        return Collections.unmodifiableMap(steps);
    }

    private static void insertRatings(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into dim_rating values (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Rating r : Rating.values()) {
                ps.setString(1, r.name());
                ps.setString(2, r.label());
                ps.setString(3, r.meaning());
                ps.setString(4, r.colour());
                ps.setString(5, r.symbol());
                ps.setInt(6, r.sortOrder());
                ps.setBoolean(7, r.isCounted());
                ps.setBoolean(8, r.hasData());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private PublishResult summarise(Snapshot snapshot, boolean changed, Instant started, Map<String, Long> steps)
            throws SQLException {
        try (Connection c = DriverManager.getConnection(snapshot.readOnlyUrl());
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select rows_loaded, rows_quarantined, latest_period_key from meta_refresh")) {
            rs.next();
            int latest = rs.getInt(3);
            return new PublishResult(snapshot, changed, rs.getLong(1), rs.getLong(2),
                    rs.wasNull() ? null : FiscalQuarter.ofKey(latest).toString(),
                    Duration.between(started, Instant.now()), steps);
        }
    }

    private static String fingerprintOf(Snapshot snapshot) {
        try (Connection c = DriverManager.getConnection(snapshot.readOnlyUrl());
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select fingerprint from meta_refresh")) {
            return rs.next() ? rs.getString(1) : "";
        } catch (SQLException e) {
            return ""; // an unreadable current snapshot is simply rebuilt
        }
    }

    static String fingerprint(List<Batch> batches, PublishOptions options) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            // The SQL itself is part of the fingerprint: a changed schema or publish step republishes.
            for (String table : SCHEMA) {
                md.update(resource("/io/trajectory/warehouse/schema/" + table + ".sql"));
            }
            for (String step : STEPS) {
                md.update(resource("/io/trajectory/warehouse/publish/" + step + ".sql"));
            }
            md.update((";provisional=" + options.includeProvisional()).getBytes(StandardCharsets.UTF_8));
            for (Batch b : batches) {
                md.update((";" + b.id()).getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] resource(String name) {
        try (java.io.InputStream in = Publisher.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing SQL resource " + name);
            }
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean hasParquet(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
            return files.anyMatch(p -> p.getFileName().toString().endsWith(".parquet"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
            Files.deleteIfExists(Path.of(p + ".wal"));
        } catch (Exception ignored) {
            // best effort: removePartials() tidies it next time
        }
    }
}
