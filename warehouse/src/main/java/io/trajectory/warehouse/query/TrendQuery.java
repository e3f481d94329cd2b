package io.trajectory.warehouse.query;

import io.trajectory.warehouse.indicator.Accumulation;
import io.trajectory.warehouse.indicator.Polarity;
import io.trajectory.warehouse.period.FiscalQuarter;
import io.trajectory.warehouse.rating.Rating;
import io.trajectory.warehouse.rating.RatingCounts;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import io.trajectory.warehouse.spc.ControlChart;
import io.trajectory.warehouse.spc.SpcRules;
import io.trajectory.warehouse.spc.XmrChart;
import io.trajectory.warehouse.trajectory.DirectionOfTravel;

import static io.trajectory.warehouse.query.Rows.bool;
import static io.trajectory.warehouse.query.Rows.constant;
import static io.trajectory.warehouse.query.Rows.dbl;
import static io.trajectory.warehouse.query.Rows.str;

/**
 * The trend family: one indicator over quarters, read on an XmR chart, and every theme's ratings
 * over quarters. Immutable and thread-safe.
 */
public final class TrendQuery {

    private final SpcRules spc;

    /** With Making Data Count's rule lengths and a minimum of 10 figures for process limits. */
    public TrendQuery() {
        this(SpcRules.defaults());
    }

    public TrendQuery(SpcRules spc) {
        this.spc = java.util.Objects.requireNonNull(spc, "spc");
    }

    public SpcRules spcRules() {
        return spc;
    }

    /** One row per quarter from {@code from} to {@code to}, quarters with no figure included (nulls). */
    public List<TrendPoint> trend(Connection c, String ref, int areaKey, FiscalQuarter from, FiscalQuarter to, Basis basis)
            throws SQLException {
        return trend(c, ref, areaKey, from, to, basis, null);
    }

    /**
     * The trend and its XmR chart: the points (each read on the chart) and the chart's verdict on
     * the latest figure and against the target (the last target in the range).
     */
    public ProcessTrend processTrend(Connection c, String ref, Polarity polarity, Accumulation accumulation, int areaKey,
                                     FiscalQuarter from, FiscalQuarter to, Basis basis, Integer groupKey) throws SQLException {
        List<TrendPoint> points = trend(c, ref, areaKey, from, to, basis, groupKey);
        Double target = null;
        for (TrendPoint p : points) {
            if (p.target() != null) {
                target = p.target();
            }
        }
        ControlChart chart = XmrChart.of(points.stream().map(TrendPoint::actual).toList(), polarity, accumulation, target,
                spc);
        List<TrendPoint> read = new ArrayList<>(points.size());
        for (int i = 0; i < points.size(); i++) {
            read.add(points.get(i).withProcessControl(chart.limits(), chart.limitsReason(), chart.points().get(i)));
        }
        return new ProcessTrend(List.copyOf(read), chart);
    }

    /**
     * Every indicator of {@code theme} in one area read as an XmR chart over {@code from} to
     * {@code to}, as {@link #processTrend} reads each one alone (the same figures, polarity and
     * target), from one query for the whole theme: by indicator, in natural order of reference.
     */
    public Map<String, ControlChart> themeProcessControl(Connection c, String theme, int areaKey, FiscalQuarter from,
                                                         FiscalQuarter to, Basis basis) throws SQLException {
        Map<String, Object> params = new HashMap<>();
        params.put("theme", theme);
        params.put("area_key", areaKey);
        params.put("from_key", from.key());
        params.put("to_key", to.key());
        params.put("basis", basis.code());
        record Figure(String ref, Polarity polarity, Accumulation accumulation, Double actual, Double target) {
        }
        Map<String, List<Figure>> series = new java.util.TreeMap<>(NaturalOrder.INSTANCE);
        QuerySql.list(c, "theme_series.sql", params, rs -> series.computeIfAbsent(str(rs, "indicator_ref"),
                r -> new ArrayList<>()).add(new Figure(str(rs, "indicator_ref"), Polarity.parse(str(rs, "polarity")),
                Accumulation.parse(str(rs, "accumulation")), dbl(rs, "actual"), dbl(rs, "target"))));
        Map<String, ControlChart> charts = new LinkedHashMap<>();
        series.forEach((ref, figures) -> {
            Double target = null;
            for (Figure f : figures) {
                if (f.target() != null) {
                    target = f.target();
                }
            }
            charts.put(ref, XmrChart.of(figures.stream().map(Figure::actual).toList(), figures.get(0).polarity(),
                    figures.get(0).accumulation(), target,
                    spc));
        });
        return charts;
    }

    /** A trend read as an XmR chart. */
    public record ProcessTrend(List<TrendPoint> points, ControlChart chart) {
    }

    /** As {@link #trend(Connection, String, int, FiscalQuarter, FiscalQuarter, Basis)}, each quarter with the median of group {@code groupKey} (null = none). */
    public List<TrendPoint> trend(Connection c, String ref, int areaKey, FiscalQuarter from, FiscalQuarter to, Basis basis,
                                  Integer groupKey) throws SQLException {
        List<TrendPoint> points = points(c, ref, areaKey, from, to, basis);
        if (groupKey == null) {
            return points;
        }
        Map<String, Double> medians = new HashMap<>();
        for (GroupMedianPoint m : new BenchmarkQuery().groupMedians(c, ref, groupKey, from, to, basis)) {
            medians.put(m.period(), m.groupMedian());
        }
        return points.stream().map(p -> p.withGroupMedian(medians.get(p.period()))).toList();
    }

    private List<TrendPoint> points(Connection c, String ref, int areaKey, FiscalQuarter from, FiscalQuarter to,
                                    Basis basis) throws SQLException {
        Map<String, Object> params = new HashMap<>();
        params.put("ref", ref);
        params.put("area_key", areaKey);
        params.put("from_key", from.key());
        params.put("to_key", to.key());
        params.put("basis", basis.code());
        return QuerySql.list(c, "trend.sql", params, rs -> new TrendPoint(
                str(rs, "indicator_ref"), str(rs, "area"), str(rs, "period"), dbl(rs, "actual"), dbl(rs, "planned"),
                dbl(rs, "stretch_planned"), dbl(rs, "target"), constant(rs, "rating", Rating.class),
                bool(rs, "is_provisional"), constant(rs, "direction_vs_previous_quarter", DirectionOfTravel.class),
                constant(rs, "direction_vs_same_quarter_last_year", DirectionOfTravel.class), str(rs, "comment"),
                str(rs, "direction_vs_previous_quarter_reason"), str(rs, "direction_vs_same_quarter_last_year_reason"),
                str(rs, "no_plan_reason"), null, null, null, null, List.of(), null, null));
    }

    /**
     * Per theme (then {@code Totals}) and quarter, the count and share of every rating, zeros
     * included. {@code areaKey} null = all areas together.
     */
    public List<ThemeTrendRow> themes(Connection c, FiscalQuarter from, FiscalQuarter to, Basis basis, Integer areaKey)
            throws SQLException {
        Map<String, Object> params = new HashMap<>();
        params.put("from_key", from.key());
        params.put("to_key", to.key());
        params.put("basis", basis.code());
        params.put("area_key", areaKey);
        record Cell(String theme, String period, String area, Rating rating, long n) {
        }
        List<Cell> cells = QuerySql.list(c, "trend_themes.sql", params, rs -> new Cell(
                str(rs, "theme"), str(rs, "period"), str(rs, "area"), Rating.valueOf(str(rs, "rating")),
                rs.getLong("indicators")));
        String area = cells.isEmpty() ? null : cells.get(0).area();
        // theme -> period -> counts, in the order the query returns them (report order, oldest first)
        Map<String, Map<String, RatingCounts.Builder>> grouped = new LinkedHashMap<>();
        for (Cell cell : cells) {
            grouped.computeIfAbsent(cell.theme(), t -> new LinkedHashMap<>())
                    .computeIfAbsent(cell.period(), p -> RatingCounts.builder())
                    .add(cell.rating(), cell.n());
        }
        List<ThemeTrendRow> out = new ArrayList<>();
        grouped.forEach((theme, periods) -> periods.forEach((period, builder) -> {
            RatingCounts counts = builder.build();
            for (Rating r : ratingsInReportOrder()) {
                out.add(new ThemeTrendRow(theme, period, area, r, counts.count(r), boxed(counts.share(r))));
            }
        }));
        return out;
    }

    /** Ratings in the order reports list them: Achieved, Green, Amber, Red, Not available, Not due, Ended, No target. */
    public static List<Rating> ratingsInReportOrder() {
        List<Rating> all = new ArrayList<>(List.of(Rating.values()));
        all.sort(java.util.Comparator.comparingInt(Rating::sortOrder));
        return all;
    }

    static Double boxed(OptionalDouble d) {
        return d.isPresent() ? d.getAsDouble() : null;
    }
}
