package io.trajectory.bench.load;

import io.trajectory.warehouse.sql.SqlScript;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * The single-machine floor: DuckDB alone loading the same CSV files into tables shaped like the
 * warehouse's, in a fresh database file, and conforming them as publish does: areas, comparison
 * groups, plans (the register's and every area's own), every plan's trajectory quarter by
 * quarter, and the facts. The SQL is in {@code reference_definitions.sql},
 * {@code reference_returns.sql} and {@code reference_conform.sql} beside this class.
 *
 * <p>It is a floor, not a competitor: it does no validation, no quarantine (a bad cell becomes a
 * null), no line numbers or checksums (no lineage beyond the file name), no sign-off handling, no
 * change detection, no lake, no mart. Every column is read as text and cast in SQL, but with
 * shortcuts the ETL cannot take:
 * <ul>
 *   <li>a return's {@code period} (and an area plan's and a trajectory's periods) is read as the
 *       canonical {@code 2008/09 Q1} (or the folder spelling {@code 2008-09-Q1}), which is what the
 *       generator writes: {@code year * 10 + last digit} is a plain SQL expression. DuckDB has no
 *       parser for the other accepted spellings ({@code Q1 07-08}, {@code Quarter 1 2007/08} ...);
 *   <li>the return's own quarter comes from the folder name's fixed layout ({@code 2008-09-Q1});
 *   <li>the register's periods, written in three spellings, are read with a regular expression
 *       (the four-digit year and the {@code Q<n>}), fine for a few hundred rows.
 * </ul>
 * The CSV load runs with {@code preserve_insertion_order = false}, DuckDB's usual bulk-load
 * setting; the conform step then stores the facts and trajectories sorted as publish does.
 */
final class DuckDbReference {

    /**
     * Timings of one reference load.
     *
     * @param definitionsSeconds the five definition files into typed tables (the register with its versions)
     * @param definitionRows     rows of them: register versions, areas, area plans, planned values, group members
     * @param returnsSeconds     every {@code returns/*}{@code /indicators.csv} into a typed staging table
     *                           {@code stage_return} (period keys, numbers, ratings), checkpointed: with the
     *                           definitions, the CSV load
     * @param conformSeconds     then conformed as publish's {@code 03_dimensions} and {@code 04_facts} do: areas,
     *                           groups and plans keyed, every plan's trajectory worked out, the facts joined to
     *                           their indicator version and area with revisions numbered and latest and
     *                           as-reported flagged, both stored sorted, checkpointed
     * @param factRows           rows of {@code fact_indicator_return}; {@code trajectoryRows} of {@code fact_trajectory}
     * @param loadCpuSeconds     CPU time of this process (DuckDB's threads, the JVM idle meanwhile) over the CSV
     *                           load, -1 when unknown; {@code conformCpuSeconds} the same over the conform step
     */
    record Result(double definitionsSeconds, long definitionRows, double returnsSeconds, long returnsRows,
                  double conformSeconds, long factRows, long trajectoryRows, double loadCpuSeconds,
                  double conformCpuSeconds, int threads, String version) {

        /** Definitions and returns: the CSV load itself. */
        double loadSeconds() {
            return definitionsSeconds + returnsSeconds;
        }
    }

    private DuckDbReference() {
    }

    static Result run(Path landing, Path dbFile, double rewardShare) throws SQLException, IOException {
        Files.deleteIfExists(dbFile);
        Files.deleteIfExists(Path.of(dbFile + ".wal"));
        Files.createDirectories(dbFile.toAbsolutePath().getParent());
        Path definitions = landing.toAbsolutePath().resolve("definitions");
        Map<String, String> files = Map.of(
                "register", definitions.resolve("indicators.csv").toString(),
                "areas", definitions.resolve("areas.csv").toString(),
                "area_targets", definitions.resolve("area_targets.csv").toString(),
                "trajectories", definitions.resolve("trajectories.csv").toString(),
                "groups", definitions.resolve("comparison_groups.csv").toString());
        for (String file : files.values()) {
            if (!Files.isRegularFile(Path.of(file))) {
                throw new IOException("the DuckDB reference needs " + file + " (a zone written by generate has it)");
            }
        }
        String returns = landing.toAbsolutePath() + "/returns/*/indicators.csv";

        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + dbFile.toAbsolutePath());
             Statement st = c.createStatement()) {
            int threads = Integer.parseInt(scalar(st, "select current_setting('threads')"));
            String version = scalar(st, "select version()");

            double cpu0 = ProcessStats.ownCpuSeconds();
            long t0 = System.nanoTime();
            SqlScript.load(DuckDbReference.class, "reference_definitions.sql").execute(c, files);
            double definitionsSeconds = (System.nanoTime() - t0) / 1e9;
            long definitionRows = count(st, "dim_indicator") + count(st, "stage_area") + count(st, "stage_area_target")
                    + count(st, "stage_planned_value") + count(st, "stage_group_member");

            t0 = System.nanoTime();
            SqlScript.load(DuckDbReference.class, "reference_returns.sql").execute(c, Map.of("returns", returns));
            double returnsSeconds = (System.nanoTime() - t0) / 1e9;
            double cpu1 = ProcessStats.ownCpuSeconds();
            long returnsRows = count(st, "stage_return");
            long unparsed = Long.parseLong(scalar(st, "select count(*) from stage_return "
                    + "where period_key is null or return_period_key is null"));
            if (unparsed > 0) {
                throw new IllegalStateException(unparsed + " return rows have a period or folder DuckDB's shortcut "
                        + "cannot read; the reference expects the generator's canonical spellings");
            }

            double cpu2 = ProcessStats.ownCpuSeconds();
            t0 = System.nanoTime();
            SqlScript.load(DuckDbReference.class, "reference_conform.sql").execute(c, Map.of("reward_share", rewardShare));
            double conformSeconds = (System.nanoTime() - t0) / 1e9;
            double cpu3 = ProcessStats.ownCpuSeconds();
            boolean cpuKnown = cpu0 >= 0 && cpu1 >= 0 && cpu2 >= 0 && cpu3 >= 0;
            return new Result(definitionsSeconds, definitionRows, returnsSeconds, returnsRows, conformSeconds,
                    count(st, "fact_indicator_return"), count(st, "fact_trajectory"),
                    cpuKnown ? cpu1 - cpu0 : -1, cpuKnown ? cpu3 - cpu2 : -1, threads, version);
        }
    }

    private static String scalar(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static long count(Statement st, String table) throws SQLException {
        return Long.parseLong(scalar(st, "select count(*) from " + table));
    }
}
