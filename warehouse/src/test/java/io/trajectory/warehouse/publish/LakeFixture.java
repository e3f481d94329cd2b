package io.trajectory.warehouse.publish;

import io.trajectory.warehouse.lake.Batch;
import io.trajectory.warehouse.lake.Lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;

/**
 * Writes a tiny Parquet lake the way the Spark ETL does, with DuckDB instead of Spark: the same
 * tables, column names and types as {@code etl/.../LakeSchemas} and {@code ReturnsValidation.valid},
 * under {@code <table>/batch_id=<id>/} ({@code fact_indicator_return} also under
 * {@code return_period_key=<key>/}), each batch committed with a {@link Batch} marker.
 */
public final class LakeFixture {

    /** Lake shapes in DuckDB types (Spark String, Integer, Long, Double, Boolean, Timestamp). */
    private static final Map<String, String> SHAPES = new LinkedHashMap<>();

    static {
        SHAPES.put("dim_indicator", """
                indicator_ref varchar not null, version integer not null, ni_code varchar, title varchar not null,
                theme varchar not null, polarity varchar not null, unit varchar not null, accumulation varchar not null,
                frequency varchar not null, due_quarter integer,
                baseline_period_key integer, baseline_value double, target_period_key integer, target_value double,
                stretch_target_value double, is_reward_target boolean not null, responsible_officer varchar,
                valid_from_key integer not null, valid_to_key integer, source_file varchar not null,
                source_line integer not null""");
        SHAPES.put("dim_area", """
                area_code varchar not null, area_name varchar not null, parent_area_code varchar,
                area_type varchar not null, is_listed boolean not null, is_reported boolean not null""");
        SHAPES.put("dim_plan", """
                indicator_ref varchar not null, area_code varchar not null, version integer not null,
                baseline_period_key integer, baseline_value double, target_period_key integer, target_value double,
                stretch_target_value double, valid_from_key integer not null, valid_to_key integer,
                source_file varchar not null, source_line integer not null""");
        SHAPES.put("fact_planned_value", """
                indicator_ref varchar not null, area_code varchar not null, period_key integer not null,
                planned_value double, stretch_planned_value double, source_file varchar not null,
                source_line integer not null""");
        SHAPES.put("bridge_comparison_group", """
                group_name varchar not null, area_code varchar not null, source_file varchar not null,
                source_line integer not null""");
        SHAPES.put("fact_commitment_return", """
                commitment_ref varchar not null, item integer not null, priority varchar, achieve varchar,
                responsible_officer varchar, status_text varchar, rating varchar not null, stated_previous_rating varchar,
                stated_previous_period_key integer, comment varchar, section varchar, source_file varchar not null,
                source_line integer not null, source_sha256 varchar not null, return_period_key integer not null""");
        SHAPES.put("meta_return", """
                return_period_key integer not null, folder varchar not null, return_sha256 varchar not null,
                is_signed_off boolean not null, signed_off_by varchar, signed_off_at timestamp""");
        SHAPES.put("meta_source_file", """
                source_file varchar not null, kind varchar not null, return_period_key integer, sha256 varchar not null,
                bytes bigint not null, rows_read bigint not null, rows_loaded bigint not null,
                rows_quarantined bigint not null, loaded_at timestamp not null""");
        SHAPES.put("meta_quarantine", """
                source_file varchar not null, line bigint, column_name varchar, reason varchar not null, raw_value varchar,
                raw_line varchar, return_period_key integer""");
        // The columns ReturnsValidation.valid selects; return_period_key becomes the partition folder.
        SHAPES.put("fact_indicator_return", """
                indicator_ref varchar, period_key integer, area_code varchar, area_name varchar, actual double,
                rag varchar, officer_trend varchar, data_status varchar, comment varchar, reported_by varchar,
                source_file varchar not null, source_line integer not null, source_sha256 varchar not null,
                return_period_key integer""");
    }

    private final Lake lake;

    public LakeFixture(Path root) {
        this.lake = Lake.at(root);
    }

    public Lake lake() {
        return lake;
    }

    /**
     * Commits the sample load most tests use, one batch holding:
     * <ul>
     *   <li>three indicators: NI-1 (Children, higher is better), NI-3 (Children, higher is better),
     *       NI-2 (Safer, lower is better), each with a trajectory for 2007/08 Q1-Q3;</li>
     *   <li>the signed-off 2007/08 Q1 return: NI-1 110 GREEN (and 55 GREEN for area NORTH), NI-2 48
     *       AMBER, NI-3 2 RED;</li>
     *   <li>the signed-off 2007/08 Q2 return: NI-1 120 GREEN, NI-1's Q1 figure restated as 112 GREEN,
     *       NI-2 45 GREEN, NI-3 no figure (NOT_AVAILABLE);</li>
     *   <li>the 2007/08 Q3 return, not signed off: NI-1 130 AMBER, NI-2 44 GREEN;</li>
     *   <li>commitment C-1 GREEN in Q1, AMBER (was GREEN) in Q2, RED in Q3; quarantined rows: one in
     *       the register, one in each return.</li>
     * </ul>
     * Signed-off facts: 8 rows; with the unsigned return: 10.
     */
    public Batch commitSampleLoad() {
        BatchWriter b = batch();
        sampleDefinitions(b);
        b.returned(20071, true, "sha-q1").returned(20072, true, "sha-q2").returned(20073, false, "sha-q3");
        b.figure(20071, "NI-1", 20071, "", 110.0, "GREEN")
                .figure(20071, "NI-1", 20071, "NORTH", 55.0, "GREEN")
                .figure(20071, "NI-2", 20071, "", 48.0, "AMBER")
                .figure(20071, "NI-3", 20071, "", 2.0, "RED");
        b.figure(20072, "NI-1", 20072, "", 120.0, "GREEN")
                .figure(20072, "NI-1", 20071, "", 112.0, "GREEN")
                .figure(20072, "NI-2", 20072, "", 45.0, "GREEN")
                .figure(20072, "NI-3", 20072, "", null, null);
        b.figure(20073, "NI-1", 20073, "", 130.0, "AMBER")
                .figure(20073, "NI-2", 20073, "", 44.0, "GREEN");
        b.commitment(20071, "C-1", 1, "GREEN", null)
                .commitment(20072, "C-1", 1, "AMBER", "GREEN")
                .commitment(20073, "C-1", 1, "RED", "AMBER");
        b.quarantined(null, 9, "unknown polarity 'UP'")
                .quarantined(20071, 7, "actual is not a number: 'x'")
                .quarantined(20072, 8, "unknown rag 'BLUE'")
                .quarantined(20073, 9, "unknown rag 'PURPLE'");
        return b.commit();
    }

    /** The sample register and trajectory; every batch writes the definitions again. */
    public static BatchWriter sampleDefinitions(BatchWriter b) {
        b.indicator("NI-1", "Children supported", "Children", "HIGHER_IS_BETTER", 100.0, 200.0, "A. Officer")
                .indicator("NI-2", "Burglaries", "Safer", "LOWER_IS_BETTER", 50.0, 30.0, "B. Officer")
                .indicator("NI-3", "Apprenticeships", "Children", "HIGHER_IS_BETTER", 0.0, 10.0, "A. Officer");
        for (int q = 1; q <= 3; q++) {
            b.trajectory("NI-1", 20070 + q, 100.0, 100.0 + 100.0 * q / 8);
            b.trajectory("NI-2", 20070 + q, 50.0, 50.0 - 20.0 * q / 8);
            b.trajectory("NI-3", 20070 + q, 0.0, 10.0 * q / 8);
        }
        return b;
    }

    /** A new batch with the next id, to fill and then {@link BatchWriter#commit()} (or only {@link BatchWriter#write()}). */
    public BatchWriter batch() {
        return new BatchWriter(lake.nextBatchId());
    }

    /** The rows of one load; each method adds one row with the ETL's defaults for the rest. */
    public final class BatchWriter {
        private final String id;
        private final Map<String, List<Object[]>> rows = new LinkedHashMap<>();
        private final Map<Integer, String> returnShas = new LinkedHashMap<>();
        private String definitionsSha = "defs-1";

        private BatchWriter(String id) {
            this.id = id;
            SHAPES.keySet().forEach(t -> rows.put(t, new ArrayList<>()));
        }

        public String id() {
            return id;
        }

        public BatchWriter definitionsSha(String sha) {
            this.definitionsSha = sha;
            return this;
        }

        /** One register row: a LEVEL indicator in force from 2007/08 Q1, version 1. */
        public BatchWriter indicator(String ref, String title, String theme, String polarity, Double baseline,
                                     Double target, String officer) {
            rows.get("dim_indicator").add(new Object[] {ref, 1, null, title, theme, polarity, "COUNT", "LEVEL",
                    "QUARTERLY", null, 20064, baseline, 20084, target, target == null ? null : target * 1.1, false, officer,
                    20071, null, "definitions/indicators.csv", rows.get("dim_indicator").size() + 2});
            return this;
        }

        /** One register row, every column given (periods as keys, {@code validTo} null while current). */
        public BatchWriter indicatorVersion(String ref, int version, String theme, String polarity, String accumulation,
                                            Integer baselineKey, Double baseline, Integer targetKey, Double target,
                                            Double stretch, int validFrom, Integer validTo) {
            rows.get("dim_indicator").add(new Object[] {ref, version, null, ref + " v" + version, theme, polarity,
                    "COUNT", accumulation, "QUARTERLY", null, baselineKey, baseline, targetKey, target, stretch, stretch != null,
                    "A. Officer", validFrom, validTo, "definitions/indicators.csv", rows.get("dim_indicator").size() + 2});
            return this;
        }

        /** A version of an area's own plan (a row of area_targets.csv). */
        public BatchWriter areaPlanVersion(String ref, String area, int version, Integer baselineKey, Double baseline,
                                           Integer targetKey, Double target, Double stretch, int validFrom,
                                           Integer validTo) {
            List<Object[]> plans = rows.get("dim_plan");
            plans.add(new Object[] {ref, area, version, baselineKey, baseline, targetKey, target, stretch, validFrom,
                    validTo, "definitions/area_targets.csv", plans.size() + 2});
            return this;
        }

        /**
         * An explicit planned value for the whole authority (and {@code planned * 1.1} on the
         * stretch trajectory), as a row of trajectories.csv; {@code baseline} is the register's.
         */
        public BatchWriter trajectory(String ref, int periodKey, double baseline, double planned) {
            return plannedValue(ref, "", periodKey, planned, planned * 1.1);
        }

        /** A row of trajectories.csv; area "" is the whole authority. */
        public BatchWriter plannedValue(String ref, String area, int periodKey, Double planned, Double stretchPlanned) {
            List<Object[]> values = rows.get("fact_planned_value");
            values.add(new Object[] {ref, area, periodKey, planned, stretchPlanned, "definitions/trajectories.csv",
                    values.size() + 2});
            return this;
        }

        /** A row of area_targets.csv: an area's own plan, version 1, in force from 2007/08 Q1. */
        public BatchWriter areaPlan(String ref, String area, int baselineKey, Double baseline, int targetKey,
                                    Double target, Double stretch) {
            List<Object[]> plans = rows.get("dim_plan");
            plans.add(new Object[] {ref, area, 1, baselineKey, baseline, targetKey, target, stretch, 20071, null,
                    "definitions/area_targets.csv", plans.size() + 2});
            return this;
        }

        /** A row of areas.csv. */
        public BatchWriter area(String code, String name, String parent, String type) {
            rows.get("dim_area").add(new Object[] {code, name, parent, type, true, false});
            return this;
        }

        /** A row of comparison_groups.csv. */
        public BatchWriter groupMember(String group, String area) {
            List<Object[]> members = rows.get("bridge_comparison_group");
            members.add(new Object[] {group, area, "definitions/comparison_groups.csv", members.size() + 2});
            return this;
        }

        /**
         * The return of quarter {@code returnKey} (its meta_return row), signed off or not. The
         * fixture's {@code sha} stands for the indicator return's checksum too.
         */
        public BatchWriter returned(int returnKey, boolean signedOff, String sha) {
            rows.get("meta_return").add(new Object[] {returnKey, folderOf(returnKey), sha, signedOff,
                    signedOff ? "Head of Performance" : null,
                    signedOff ? Timestamp.from(Instant.parse("2008-01-20T10:00:00Z")) : null});
            returnShas.put(returnKey, sha);
            return this;
        }

        /** One valid row of {@code returnKey}'s indicators.csv; area "" is the whole authority. */
        public BatchWriter figure(int returnKey, String ref, int periodKey, String area, Double actual, String rag) {
            List<Object[]> facts = rows.get("fact_indicator_return");
            facts.add(new Object[] {ref, periodKey, area, area, actual, rag, null,
                    actual == null ? "NOT_AVAILABLE" : null, "comment on " + ref, "officer",
                    folderOf(returnKey) + "/indicators.csv", facts.size() + 2, returnShas.getOrDefault(returnKey, "sha"),
                    returnKey});
            return this;
        }

        public BatchWriter commitment(int returnKey, String ref, int item, String rating, String statedPrevious) {
            rows.get("fact_commitment_return").add(new Object[] {ref, item, "Priority " + ref, "We will " + ref,
                    "C. Officer", rating + (statedPrevious == null ? "" : " (" + statedPrevious + " at Q1)"), rating,
                    statedPrevious, statedPrevious == null ? null : returnKey - 1, null, "Section",
                    folderOf(returnKey) + "/commitments.txt", rows.get("fact_commitment_return").size() + 5, "sha-c",
                    returnKey});
            return this;
        }

        /** A quarantined problem; {@code returnKey} null for the definitions. */
        public BatchWriter quarantined(Integer returnKey, long line, String reason) {
            rows.get("meta_quarantine").add(new Object[] {
                    returnKey == null ? "definitions/indicators.csv" : folderOf(returnKey) + "/indicators.csv",
                    line, "actual", reason, "x", "raw,line,x", returnKey});
            return this;
        }

        /** Writes the Parquet files but no commit marker: a load that was killed. */
        public BatchWriter write() {
            Timestamp now = Timestamp.from(Instant.now());
            rows.get("meta_source_file").add(new Object[] {"definitions/indicators.csv", "register", null,
                    definitionsSha, 1234L, (long) rows.get("dim_indicator").size(),
                    (long) rows.get("dim_indicator").size(), 0L, now});
            for (Object[] r : rows.get("meta_return")) {
                int key = (Integer) r[0];
                long n = rows.get("fact_indicator_return").stream().filter(f -> f[13].equals(key)).count();
                rows.get("meta_source_file").add(new Object[] {r[1] + "/indicators.csv", "indicator_return", key,
                        r[2], 999L, n, n, 0L, now});
            }
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
                for (Map.Entry<String, String> shape : SHAPES.entrySet()) {
                    load(c, shape.getKey(), shape.getValue(), rows.get(shape.getKey()));
                }
                for (String table : SHAPES.keySet()) {
                    if (table.equals("fact_indicator_return")) {
                        TreeSet<Integer> keys = new TreeSet<>();
                        rows.get(table).forEach(r -> keys.add((Integer) r[13]));
                        for (int key : keys) {
                            Path dir = lake.tableDir(table, id).resolve("return_period_key=" + key);
                            copy(c, "select * exclude (return_period_key) from " + table
                                    + " where return_period_key = " + key, dir);
                        }
                    } else {
                        copy(c, "select * from " + table, lake.tableDir(table, id));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot write lake batch " + id, e);
            }
            return this;
        }

        /** Writes the batch and commits it, as the ETL's last step does. */
        public Batch commit() {
            write();
            return commitMarker();
        }

        /** Commits a batch already {@link #write() written} (and perhaps tampered with since). */
        public Batch commitMarker() {
            Properties p = new Properties();
            p.setProperty(Batch.DEFINITIONS_SHA, definitionsSha);
            p.setProperty(Batch.COMMITTED_AT, Instant.now().toString());
            p.setProperty(Batch.REWARD_SHARE, "0.6");
            returnShas.forEach((k, sha) -> p.setProperty(Batch.returnShaKey(k), sha));
            Batch batch = new Batch(id, p);
            lake.commit(batch);
            return batch;
        }

        private static String folderOf(int returnKey) {
            return "returns/" + returnKey / 10 + "-" + String.format("%02d", (returnKey / 10 + 1) % 100) + "-Q" + returnKey % 10;
        }
    }

    private static void load(Connection c, String table, String columns, List<Object[]> rows) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("create table " + table + " (" + columns + ")");
        }
        if (rows.isEmpty()) {
            return;
        }
        String marks = String.join(", ", Collections.nCopies(rows.get(0).length, "?"));
        try (PreparedStatement ps = c.prepareStatement("insert into " + table + " values (" + marks + ")")) {
            for (Object[] r : rows) {
                for (int i = 0; i < r.length; i++) {
                    ps.setObject(i + 1, r[i]);
                }
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new SQLException(table + ": " + e.getMessage() + " " + Arrays.deepToString(rows.toArray()), e);
        }
    }

    /** One part file and an empty {@code _SUCCESS}, as Spark leaves a finished write. */
    private static void copy(Connection c, String select, Path dir) throws SQLException {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("_SUCCESS"), "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Statement st = c.createStatement()) {
            st.execute("copy (" + select + ") to '" + dir.resolve("part-00000-fixture-c000.snappy.parquet")
                    + "' (format parquet, compression snappy)");
        }
    }
}
