package io.trajectory.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The single-machine floor: DuckDB alone loading the same CSV files into tables shaped like the
 * warehouse's {@code dim_indicator} and {@code fact_indicator_return}, in a fresh database file.
 *
 * <p>It is a floor, not a competitor: it does no validation, no quarantine (a bad cell becomes a
 * null), no line numbers or checksums (no lineage beyond the file name), no sign-off handling, no
 * change detection, no lake. Every column is read as text and cast in SQL, but with shortcuts
 * the ETL cannot take:
 * <ul>
 *   <li>a return's {@code period} is read as the canonical {@code 2008/09 Q1}, which is what the
 *       generator writes: {@code year * 10 + last digit} is a plain SQL expression. DuckDB has no
 *       parser for the other accepted spellings ({@code Q1 07-08}, {@code Quarter 1 2007/08} ...);
 *   <li>the return's own quarter comes from the folder name's fixed layout ({@code 2008-09-Q1});
 *   <li>the register's periods, written in three spellings, are read with a regular expression
 *       (the four-digit year and the {@code Q<n>}), fine for 340 rows.
 * </ul>
 * The CSV load runs with {@code preserve_insertion_order = false}, DuckDB's usual bulk-load
 * setting; the conform step then stores the facts sorted as publish does.
 */
final class DuckDbReference {

    /**
     * Timings of one reference load.
     *
     * @param registerSeconds  {@code definitions/indicators.csv} into {@code dim_indicator} (versions, valid_to)
     * @param returnsSeconds   every {@code returns/*}{@code /indicators.csv} into a typed staging table
     *                         {@code stage_return} (period keys, numbers, ratings), checkpointed: the CSV load
     * @param sortedSeconds    then conformed as publish's {@code 04_facts} does: the indicator version in force
     *                         joined on, revisions numbered, latest and as-reported flagged, the table written
     *                         sorted by (indicator, area, period) as {@code fact_indicator_return}, checkpointed
     * @param loadCpuSeconds   CPU time of this process (DuckDB's threads, the JVM idle meanwhile) over the CSV
     *                         load, -1 when unknown; {@code sortedCpuSeconds} the same over the conform step
     */
    record Result(double registerSeconds, long registerRows, double returnsSeconds, long returnsRows,
                  double sortedSeconds, long sortedRows, double loadCpuSeconds, double sortedCpuSeconds, int threads,
                  String version) {

        /** Register and returns: the CSV load itself. */
        double loadSeconds() {
            return registerSeconds + returnsSeconds;
        }
    }

    /** The generator's header rows, in its order: DuckDB is told them rather than left to sniff each file. */
    static final String[] REGISTER_COLUMNS = {"indicator_ref", "ni_code", "title", "theme", "polarity", "unit",
            "accumulation", "baseline_period", "baseline_value", "target_period", "target_value", "stretch_target_value",
            "reward_target", "responsible_officer", "valid_from"};
    static final String[] RETURN_COLUMNS = {"indicator_ref", "period", "area", "actual", "rag", "trend", "data_status",
            "comment", "reported_by"};

    private DuckDbReference() {
    }

    /** {@code {'a': 'VARCHAR', 'b': 'VARCHAR'}}: every column read as text, then cast in SQL as the ETL parses cells. */
    static String varchars(String[] columns) {
        StringBuilder sb = new StringBuilder("{");
        for (int k = 0; k < columns.length; k++) {
            sb.append(k == 0 ? "" : ", ").append(literal(columns[k])).append(": 'VARCHAR'");
        }
        return sb.append('}').toString();
    }

    static Result run(Path landing, Path dbFile) throws SQLException, IOException {
        Files.deleteIfExists(dbFile);
        Files.deleteIfExists(Path.of(dbFile + ".wal"));
        Files.createDirectories(dbFile.toAbsolutePath().getParent());
        String register = literal(landing.resolve("definitions").resolve("indicators.csv").toAbsolutePath().toString());
        String returns = literal(landing.toAbsolutePath() + "/returns/*/indicators.csv");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + dbFile.toAbsolutePath());
             Statement st = c.createStatement()) {
            int threads = Integer.parseInt(scalar(st, "select current_setting('threads')"));
            String version = scalar(st, "select version()");
            st.execute("""
                    create macro period_key(p) as
                        try_cast(regexp_extract(p, '(\\d{4})', 1) as integer) * 10
                        + try_cast(regexp_extract(p, 'Q([1-4])', 1) as integer)
                    """);

            double cpu0 = ProcessStats.ownCpuSeconds();
            long t0 = System.nanoTime();
            st.execute("""
                    create table dim_indicator as
                    with r as (
                        select *, period_key(valid_from) as valid_from_key
                        from read_csv(%s, header = true, delim = ',', quote = '"', escape = '"', columns = %s)
                    )
                    select
                        row_number() over (order by indicator_ref, valid_from_key)::integer as indicator_key,
                        indicator_ref,
                        row_number() over (partition by indicator_ref order by valid_from_key)::integer as version,
                        ni_code, title, theme, polarity,
                        case polarity when 'LOWER_IS_BETTER' then -1 else 1 end as polarity_sign,
                        upper(unit) as unit, accumulation,
                        period_key(baseline_period) as baseline_period_key,
                        try_cast(baseline_value as double) as baseline_value,
                        period_key(target_period) as target_period_key,
                        try_cast(target_value as double) as target_value,
                        try_cast(stretch_target_value as double) as stretch_target_value,
                        coalesce(upper(reward_target) = 'Y', false) as is_reward_target,
                        responsible_officer,
                        valid_from_key,
                        lead(valid_from_key) over (partition by indicator_ref order by valid_from_key) as valid_to_key
                    from r
                    """.formatted(register, varchars(REGISTER_COLUMNS)));
            double registerSeconds = (System.nanoTime() - t0) / 1e9;
            long registerRows = count(st, "dim_indicator");

            t0 = System.nanoTime();
            st.execute("set preserve_insertion_order = false");
            st.execute("""
                    create table stage_return as
                    select
                        indicator_ref,
                        try_cast(period[1:4] as integer) * 10 + try_cast(period[-1:] as integer) as period_key,
                        coalesce(area, '') as area_code,
                        -- .../returns/2008-09-Q1/indicators.csv: the year and the quarter at fixed places from the end
                        try_cast(filename[-25:-22] as integer) * 10 + try_cast(filename[-16:-16] as integer)
                            as return_period_key,
                        try_cast(replace(replace(actual, ',', ''), '%%', '') as double) as actual,
                        coalesce(upper(rag), 'NOT_AVAILABLE') as reported_rating,
                        upper(trend) as officer_trend,
                        upper(data_status) as data_status,
                        coalesce(upper(data_status) = 'PROVISIONAL', false) as is_provisional,
                        comment, reported_by, filename as source_file
                    from read_csv(%s, header = true, delim = ',', quote = '"', escape = '"', columns = %s,
                                  filename = true)
                    """.formatted(returns, varchars(RETURN_COLUMNS)));
            st.execute("checkpoint");
            double returnsSeconds = (System.nanoTime() - t0) / 1e9;
            double cpu1 = ProcessStats.ownCpuSeconds();
            st.execute("reset preserve_insertion_order");
            long returnsRows = count(st, "stage_return");
            long unparsed = Long.parseLong(scalar(st, "select count(*) from stage_return "
                    + "where period_key is null or return_period_key is null"));
            if (unparsed > 0) {
                throw new IllegalStateException(unparsed + " return rows have a period or folder DuckDB's shortcut "
                        + "cannot read; the reference expects the generator's canonical spellings");
            }

            double cpu2 = ProcessStats.ownCpuSeconds();
            t0 = System.nanoTime();
            st.execute("""
                    create table fact_indicator_return as
                    with numbered as (
                        select
                            r.*,
                            row_number() over w as revision,
                            row_number() over w = count(*) over (partition by r.indicator_ref, r.area_code, r.period_key)
                                as is_latest
                        from stage_return as r
                        window w as (partition by r.indicator_ref, r.area_code, r.period_key order by r.return_period_key)
                    )
                    select
                        i.indicator_key, n.indicator_ref, n.period_key, n.area_code, n.return_period_key, n.revision,
                        n.is_latest, n.revision = 1 as is_as_reported, n.actual, n.reported_rating, n.officer_trend,
                        n.data_status, n.is_provisional, n.comment, n.reported_by, n.source_file
                    from numbered as n
                    left join dim_indicator as i
                      on i.indicator_ref = n.indicator_ref
                     and n.period_key >= i.valid_from_key
                     and (i.valid_to_key is null or n.period_key < i.valid_to_key)
                    order by n.indicator_ref, n.area_code, n.period_key, n.revision
                    """);
            st.execute("checkpoint");
            double sortedSeconds = (System.nanoTime() - t0) / 1e9;
            double cpu3 = ProcessStats.ownCpuSeconds();
            long sortedRows = count(st, "fact_indicator_return");
            boolean cpuKnown = cpu0 >= 0 && cpu1 >= 0 && cpu2 >= 0 && cpu3 >= 0;
            return new Result(registerSeconds, registerRows, returnsSeconds, returnsRows, sortedSeconds, sortedRows,
                    cpuKnown ? cpu1 - cpu0 : -1, cpuKnown ? cpu3 - cpu2 : -1, threads, version);
        }
    }

    private static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
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
