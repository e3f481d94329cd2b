package io.trajectory.bench.load;

import io.trajectory.warehouse.snapshot.Snapshot;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Times the three query families on a published snapshot, opened read-only through DuckDB JDBC
 * as the service opens it, with prepared statements and bound parameters: each query warmed up
 * once, then run {@code runs} times; the median and the fastest are reported. Each family is
 * timed on the table the service should use (a mart or a pre-aggregated table), on the analysts'
 * view, and raw (the same answer computed from the fact table or the mart), so the value of the
 * physical design shows in one table.
 */
final class SnapshotQueries {

    /** One timed query. */
    record Timing(String family, String name, String sql, int runs, double medianMs, double minMs, long rows) {
    }

    /** The parameters the queries were run with, chosen from the snapshot itself. */
    record Parameters(String indicatorRef, String areaCode, int areaKey, int period, int previousPeriod) {
    }

    record Result(Parameters parameters, double openMs, List<Timing> timings) {
    }

    private SnapshotQueries() {
    }

    static Result run(Snapshot snapshot, int runs) throws SQLException {
        long t0 = System.nanoTime();
        try (Connection c = DriverManager.getConnection(snapshot.readOnlyUrl())) {
            double openMs = (System.nanoTime() - t0) / 1e6;
            Parameters p = parameters(c);
            List<Timing> out = new ArrayList<>();

            out.add(time(c, runs, "trend", "v_trend (view), one indicator x area", """
                    select period, actual, planned, stretch_planned, target, rating, direction_vs_previous_quarter
                    from v_trend
                    where basis = 'latest' and indicator_ref = ? and area_code = ?
                    order by period_key""", p.indicatorRef(), p.areaCode()));
            out.add(time(c, runs, "trend", "mart_indicator_quarter, one indicator x area", """
                    select period_key, actual, planned_value, stretch_planned_value, target_value, rating,
                           direction_vs_previous_quarter
                    from mart_indicator_quarter
                    where basis = 'latest' and indicator_ref = ? and area_key = ?
                    order by period_key""", p.indicatorRef(), p.areaKey()));
            out.add(time(c, runs, "trend", "raw: fact_indicator_return, latest revisions", """
                    select period_key, actual, reported_rating
                    from fact_indicator_return
                    where indicator_ref = ? and area_key = ? and is_latest
                    order by period_key""", p.indicatorRef(), p.areaKey()));

            out.add(time(c, runs, "comparison", "agg_theme_rating, theme x rating, 2 quarters, national", """
                    select period_key, theme_key, rating, indicators
                    from agg_theme_rating
                    where basis = 'latest' and period_key in (?, ?) and area_key is null
                    order by period_key, theme_key, rating""", p.previousPeriod(), p.period()));
            out.add(time(c, runs, "comparison", "v_comparison (view, labels + shares)", """
                    select period, theme, rating, indicators, share
                    from v_comparison
                    where basis = 'latest' and period_key in (?, ?) and area_code is null
                    order by period_key, theme_order, rating""", p.previousPeriod(), p.period()));
            out.add(time(c, runs, "comparison", "raw: group by over mart_indicator_quarter", """
                    select period_key, theme_key, rating, count(*) as indicators
                    from mart_indicator_quarter
                    where basis = 'latest' and period_key in (?, ?)
                    group by all
                    order by all""", p.previousPeriod(), p.period()));

            out.add(time(c, runs, "transition", "agg_rating_transition, previous -> latest, national", """
                    select from_rating, to_rating, indicators
                    from agg_rating_transition
                    where basis = 'latest' and from_period_key = ? and to_period_key = ?
                      and theme_key is null and area_key is null
                    order by from_rating, to_rating""", p.previousPeriod(), p.period()));
            out.add(time(c, runs, "transition", "v_transition (view, labels)", """
                    select theme, from_rating, to_rating, indicators
                    from v_transition
                    where basis = 'latest' and from_period_key = ? and to_period_key = ? and area_code is null
                    order by theme, from_rating, to_rating""", p.previousPeriod(), p.period()));
            out.add(time(c, runs, "transition", "raw: self-join of mart_indicator_quarter", """
                    select a.rating as from_rating, b.rating as to_rating, count(*) as indicators
                    from mart_indicator_quarter as a
                    join mart_indicator_quarter as b
                      on b.basis = a.basis and b.indicator_ref = a.indicator_ref and b.area_key = a.area_key
                    where a.basis = 'latest' and a.period_key = ? and b.period_key = ?
                    group by all
                    order by all""", p.previousPeriod(), p.period()));
            return new Result(p, openMs, out);
        }
    }

    /** The middle indicator and the middle area (so zone maps cannot win by luck), the latest quarter and the one before. */
    private static Parameters parameters(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("""
                     with refs as (select distinct indicator_ref from dim_indicator),
                          areas as (select area_key, area_code from dim_area where not is_whole_authority),
                          periods as (select distinct period_key from agg_theme_rating)
                     select
                         (select indicator_ref from refs order by indicator_ref
                          limit 1 offset (select count(*) // 2 from refs)),
                         (select area_code from areas order by area_code limit 1 offset (select count(*) // 2 from areas)),
                         (select area_key from areas order by area_code limit 1 offset (select count(*) // 2 from areas)),
                         (select max(period_key) from periods),
                         (select max(period_key) from periods
                          where period_key < (select max(period_key) from periods))
                     """)) {
            rs.next();
            return new Parameters(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5));
        }
    }

    private static Timing time(Connection c, int runs, String family, String name, String sql, Object... params)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int k = 0; k < params.length; k++) {
                ps.setObject(k + 1, params[k]);
            }
            long rows = execute(ps); // warm-up: first touch of the blocks, plan caches
            double[] ms = new double[runs];
            for (int r = 0; r < runs; r++) {
                long t0 = System.nanoTime();
                execute(ps);
                ms[r] = (System.nanoTime() - t0) / 1e6;
            }
            Arrays.sort(ms);
            double median = runs % 2 == 1 ? ms[runs / 2] : (ms[runs / 2 - 1] + ms[runs / 2]) / 2;
            return new Timing(family, name, sql, runs, median, ms[0], rows);
        }
    }

    /** Runs the query and reads every row and column, as a caller would; returns the row count. */
    private static long execute(PreparedStatement ps) throws SQLException {
        long rows = 0;
        try (ResultSet rs = ps.executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int k = 1; k <= columns; k++) {
                    rs.getObject(k);
                }
                rows++;
            }
        }
        return rows;
    }
}
