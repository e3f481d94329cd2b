package io.trajectory.api.chart;

import io.trajectory.api.chart.VegaLite.Axis;
import io.trajectory.api.chart.VegaLite.Encoding;
import io.trajectory.api.chart.VegaLite.FacetField;
import io.trajectory.api.chart.VegaLite.Field;
import io.trajectory.api.chart.VegaLite.Legend;
import io.trajectory.api.chart.VegaLite.Mark;
import io.trajectory.api.chart.VegaLite.Scale;
import io.trajectory.api.chart.VegaLite.Spec;
import io.trajectory.warehouse.query.AreaGapRow;
import io.trajectory.warehouse.query.AreaRow;
import io.trajectory.warehouse.query.Benchmark;
import io.trajectory.warehouse.query.BenchmarkRow;
import io.trajectory.warehouse.query.BenchmarkSummary;
import io.trajectory.warehouse.query.CommitmentRow;
import io.trajectory.warehouse.query.ComparisonGroup;
import io.trajectory.warehouse.query.Comparison;
import io.trajectory.warehouse.query.ComparisonRow;
import io.trajectory.warehouse.query.GapRow;
import io.trajectory.warehouse.query.IndicatorDetail;
import io.trajectory.warehouse.query.IndicatorSummary;
import io.trajectory.warehouse.query.PeriodRow;
import io.trajectory.warehouse.query.RiskSummaryRow;
import io.trajectory.warehouse.query.ThemeRow;
import io.trajectory.warehouse.query.ThemeTrendRow;
import io.trajectory.warehouse.query.TrajectoryPoint;
import io.trajectory.warehouse.query.Transition;
import io.trajectory.warehouse.query.TrendPoint;
import io.trajectory.warehouse.query.TrendQuery;
import io.trajectory.warehouse.indicator.MeasureUnit;
import io.trajectory.warehouse.rating.Rating;
import io.trajectory.warehouse.spc.Variation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The service's charts, one method per answer. Titles and axis labels are worded for a scrutiny
 * committee; every rating is drawn in its {@link Rating#colour()} and named by its label.
 */
public final class Charts {

    private static final List<Rating> RATINGS = TrendQuery.ratingsInReportOrder();
    private static final String SERIES_ACTUAL = "Actual";
    private static final String SERIES_PLANNED = "Planned trajectory";
    private static final String SERIES_STRETCH = "Stretch trajectory";
    private static final String SERIES_GROUP_MEDIAN = "Comparison group median";
    private static final String SERIES_PROCESS_MEAN = "Process mean";
    private static final String SERIES_UPPER_LIMIT = "Upper process limit";
    private static final String SERIES_LOWER_LIMIT = "Lower process limit";
    private static final List<String> ALL_SERIES = List.of(SERIES_ACTUAL, SERIES_PLANNED, SERIES_STRETCH,
            SERIES_GROUP_MEDIAN, SERIES_PROCESS_MEAN, SERIES_UPPER_LIMIT, SERIES_LOWER_LIMIT);
    private static final List<List<Integer>> ALL_DASHES = List.of(List.of(1, 0), List.of(6, 4), List.of(2, 3),
            List.of(10, 2, 2, 2), List.of(12, 3), List.of(3, 3), List.of(3, 3));
    private static final String SERIES_REWARD = "Reward threshold (60% of stretch)";

    private Charts() {
    }

    /** Rating labels in report order, mapped to the rating colours. */
    public static Scale ratingColours() {
        return Scale.mapping(RATINGS.stream().map(Rating::label).toList(), RATINGS.stream().map(Rating::colour).toList());
    }

    /**
     * Colour by rating, the legend listing only the ratings that appear in {@code values} (with a
     * non-zero {@code count}, where rows have one): a legend of ratings nobody has reads as a finding.
     */
    static Field ratingColour(String field, List<? extends Map<String, ?>> values) {
        List<Rating> shown = shownRatings(field, values);
        return Field.nominal(field, "Rating")
                .withScale(Scale.mapping(shown.stream().map(Rating::label).toList(),
                        shown.stream().map(Rating::colour).toList()))
                .withLegend(Legend.titled("Rating"));
    }

    /** The ratings, in report order, that appear in {@code values}; all of them when none does. */
    static List<Rating> shownRatings(String field, List<? extends Map<String, ?>> values) {
        Set<Object> seen = new HashSet<>();
        for (Map<String, ?> v : values) {
            if (!(v.get("count") instanceof Number n) || n.doubleValue() > 0) {
                seen.add(v.get(field));
            }
        }
        List<Rating> shown = RATINGS.stream().filter(r -> seen.contains(r.label())).toList();
        return shown.isEmpty() ? RATINGS : shown;
    }

    static String label(Rating rating) {
        return rating == null ? null : rating.label();
    }

    /**
     * Actual line, dashed planned trajectory, dotted stretch, target rule, points coloured by
     * rating; with an XmR chart's process mean and limits (grey) when the points carry them, and
     * each special-cause point ringed (blue improving, orange concerning).
     */
    public static Spec trend(String ref, String title, MeasureUnit unit, String areaLabel, List<TrendPoint> points) {
        String unitTitle = unitTitle(unit);
        List<String> periods = points.stream().map(TrendPoint::period).toList();
        List<Map<String, Object>> lines = new ArrayList<>();
        List<Map<String, Object>> process = new ArrayList<>();
        List<Map<String, Object>> ratings = new ArrayList<>();
        List<Map<String, Object>> improving = new ArrayList<>();
        List<Map<String, Object>> concerning = new ArrayList<>();
        List<Map<String, Object>> targets = new ArrayList<>();
        for (TrendPoint p : points) {
            addSeries(lines, p.period(), SERIES_ACTUAL, p.actual());
            addSeries(lines, p.period(), SERIES_PLANNED, p.planned());
            addSeries(lines, p.period(), SERIES_STRETCH, p.stretchPlanned());
            addSeries(lines, p.period(), SERIES_GROUP_MEDIAN, p.groupMedian());
            addSeries(process, p.period(), SERIES_PROCESS_MEAN, p.processMean());
            addSeries(process, p.period(), SERIES_UPPER_LIMIT, p.upperProcessLimit());
            addSeries(process, p.period(), SERIES_LOWER_LIMIT, p.lowerProcessLimit());
            if (p.actual() != null) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("period", p.period());
                r.put("actual", p.actual());
                r.put("rating", label(p.rating()));
                r.put("comment", p.comment());
                ratings.add(r);
                if (p.variation() == Variation.IMPROVING || p.variation() == Variation.CONCERNING) {
                    Map<String, Object> ring = new LinkedHashMap<>();
                    ring.put("period", p.period());
                    ring.put("actual", p.actual());
                    ring.put("cause", (p.variation() == Variation.IMPROVING ? "Improving" : "Concerning")
                            + " special cause: " + String.join(", ", p.specialCause().stream()
                                    .map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', ' ')).toList()));
                    (p.variation() == Variation.IMPROVING ? improving : concerning).add(ring);
                }
            }
            if (p.target() != null) {
                targets.add(Map.of("period", p.period(), "target", p.target()));
            }
        }
        Field quarter = Field.ordinal("period", "Quarter").sortedAs(periods).withAxis(Axis.labels(-45, null));
        // the legend lists only the lines drawn
        Set<Object> drawn = new HashSet<>();
        lines.forEach(l -> drawn.add(l.get("series")));
        process.forEach(l -> drawn.add(l.get("series")));
        List<String> series = new ArrayList<>();
        List<List<Integer>> dashes = new ArrayList<>();
        for (int i = 0; i < ALL_SERIES.size(); i++) {
            if (drawn.contains(ALL_SERIES.get(i))) {
                series.add(ALL_SERIES.get(i));
                dashes.add(ALL_DASHES.get(i));
            }
        }
        if (series.isEmpty()) {
            series.add(SERIES_ACTUAL);
            dashes.add(ALL_DASHES.get(0));
        }
        // the same dash scale in both line layers, so Vega-Lite merges them into one legend
        Field dash = Field.nominal("series", "Line").withScale(Scale.mapping(series, dashes)).withLegend(Legend.titled("Line"));
        List<Spec> layers = new ArrayList<>();
        if (!process.isEmpty()) {
            layers.add(Spec.builder()
                    .values(process)
                    .mark(Mark.of("line").withColor("#767676").withStrokeWidth(1.2))
                    .encoding(Encoding.builder()
                            .x(quarter)
                            .y(Field.quantitative("value", unitTitle).withScale(Scale.notFromZero()))
                            .strokeDash(dash)
                            .tooltip(Field.nominal("series", "Line"), Field.ordinal("period", "Quarter"),
                                    Field.quantitative("value", "Value"))
                            .build())
                    .build());
        }
        layers.add(Spec.builder()
                .values(lines)
                .mark(Mark.of("line").withColor("#333333").withStrokeWidth(2))
                .encoding(Encoding.builder()
                        .x(quarter)
                        .y(Field.quantitative("value", unitTitle).withScale(Scale.notFromZero()))
                        .strokeDash(dash)
                        .tooltip(Field.nominal("series", "Line"), Field.ordinal("period", "Quarter"),
                                Field.quantitative("value", "Value"))
                        .build())
                .build());
        layers.add(Spec.builder()
                .values(targets)
                .mark(Mark.of("rule").withColor("#1f5fa8").withStrokeDash(8, 3).withStrokeWidth(1.5))
                .encoding(Encoding.builder()
                        .y(Field.quantitative("target", unitTitle))
                        .tooltip(Field.quantitative("target", "Target"))
                        .build())
                .build());
        layers.add(Spec.builder()
                .values(ratings)
                .mark(Mark.of("point").withSize(90).withOpacity(1).withFilled(true))
                .encoding(Encoding.builder()
                        .x(quarter)
                        .y(Field.quantitative("actual", unitTitle))
                        .color(ratingColour("rating", ratings))
                        .shape(Field.nominal("rating", "Rating").withScale(ratingShapes(ratings)))
                        .tooltip(Field.ordinal("period", "Quarter"), Field.quantitative("actual", "Actual"),
                                Field.nominal("rating", "Rating"), Field.nominal("comment", "Officer's comment"))
                        .build())
                .build());
        for (List<Map<String, Object>> rings : List.of(improving, concerning)) {
            if (!rings.isEmpty()) {
                layers.add(Spec.builder()
                        .values(rings)
                        .mark(Mark.of("point").withSize(320).withFilled(false).withStrokeWidth(2.5)
                                .withColor(rings == improving ? "#0b4f9c" : "#a05a00"))
                        .encoding(Encoding.builder()
                                .x(quarter)
                                .y(Field.quantitative("actual", unitTitle))
                                .tooltip(Field.ordinal("period", "Quarter"), Field.quantitative("actual", "Actual"),
                                        Field.nominal("cause", "Variation"))
                                .build())
                        .build());
            }
        }
        boolean withMedian = drawn.contains(SERIES_GROUP_MEDIAN);
        return Spec.builder().topLevel()
                .title(ref + ": " + title, "Actual (solid) against the planned trajectory (dashed), stretch trajectory "
                        + "(dotted) and target (blue rule)" + (withMedian ? ", beside the comparison group's median (dash-dot)" : "")
                        + "; points coloured by the officer's rating"
                        + (process.isEmpty() ? "" : "; grey: the process mean and limits, special causes ringed "
                                + "(blue improving, orange concerning)") + ". " + areaLabel)
                .size(640, 320)
                .layer(layers.toArray(Spec[]::new))
                .build();
    }

    /** The value axis title for an indicator's unit. */
    static String unitTitle(MeasureUnit unit) {
        if (unit == null) {
            return "Value";
        }
        return switch (unit) {
            case COUNT -> "Number";
            case PERCENT -> "Per cent";
            case RATE -> "Rate";
            case SCORE -> "Score";
            case MONEY -> "Amount (\u00a3)";
        };
    }

    private static final List<String> RATING_SHAPES =
            List.of("diamond", "circle", "triangle-up", "square", "stroke", "triangle-down", "cross", "cross");

    /** Shapes by rating, for the ratings that appear (as {@link #ratingColour}). */
    private static Scale ratingShapes(List<? extends Map<String, ?>> values) {
        List<Rating> shown = shownRatings("rating", values);
        return Scale.mapping(shown.stream().map(Rating::label).toList(),
                shown.stream().map(r -> RATING_SHAPES.get(RATINGS.indexOf(r) % RATING_SHAPES.size())).toList());
    }

    private static void addSeries(List<Map<String, Object>> rows, String period, String series, Double value) {
        if (value != null) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("period", period);
            r.put("series", series);
            r.put("value", value);
            rows.add(r);
        }
    }

    /** One small multiple per theme: indicators of each rating per quarter, stacked. */
    public static Spec themeTrend(List<ThemeTrendRow> rows, String areaLabel) {
        LinkedHashSet<String> periods = new LinkedHashSet<>();
        LinkedHashSet<String> themes = new LinkedHashSet<>();
        List<Map<String, Object>> values = new ArrayList<>();
        for (ThemeTrendRow r : rows) {
            periods.add(r.period());
            themes.add(r.theme());
            if (r.count() > 0) {
                Map<String, Object> v = new LinkedHashMap<>();
                v.put("theme", r.theme());
                v.put("period", r.period());
                v.put("rating", label(r.rating()));
                v.put("count", r.count());
                v.put("share", r.share());
                values.add(v);
            }
        }
        Spec inner = Spec.builder()
                .mark(Mark.of("bar"))
                .encoding(Encoding.builder()
                        .x(Field.ordinal("period", "Quarter").sortedAs(List.copyOf(periods)).withAxis(Axis.labels(-45, null)))
                        .y(Field.quantitative("count", "Indicators"))
                        .color(ratingColour("rating", values).sortedAs(RATINGS.stream().map(Rating::label).toList()))
                        .tooltip(Field.nominal("theme", "Theme"), Field.ordinal("period", "Quarter"),
                                Field.nominal("rating", "Rating"), Field.quantitative("count", "Indicators"),
                                Field.quantitative("share", "Share").withFormat(".1%"))
                        .build())
                .size(220, 160)
                .build();
        return Spec.builder().topLevel()
                .title("Ratings by theme, quarter by quarter", "Number of indicators with each rating; each theme "
                        + "has its own scale. " + areaLabel)
                .values(values)
                .independentY()
                .facet(new FacetField("theme", "nominal", "Theme", List.copyOf(themes)), 4, inner)
                .build();
    }

    /** Diverging bars of each indicator's gap to its trajectory, as a share of the planned improvement. */
    public static Spec gap(String period, List<GapRow> rows, String areaLabel) {
        List<Map<String, Object>> values = new ArrayList<>();
        for (GapRow g : rows) {
            if (g.gapShareOfPlannedImprovement() == null) {
                continue;
            }
            Map<String, Object> v = new LinkedHashMap<>();
            // the officer's rating as a symbol in the label too: never by colour alone
            String symbol = g.reportedRating() == null ? "" : g.reportedRating().symbol() + " ";
            v.put("indicator", symbol + g.indicator() + " " + shorten(g.title(), 60));
            v.put("theme", g.theme());
            v.put("gapShare", g.gapShareOfPlannedImprovement());
            v.put("gap", g.gap());
            v.put("actual", g.actual());
            v.put("planned", g.planned());
            v.put("rating", label(g.reportedRating()));
            v.put("computed", label(g.computedRating()));
            values.add(v);
        }
        return Spec.builder().topLevel()
                .title("How far each indicator is from its planned trajectory, " + period,
                        "Bars to the right are ahead of plan, to the left behind, as a share of the improvement planned "
                                + "since the baseline; coloured by the officer's rating. " + areaLabel)
                .values(values)
                .mark(Mark.of("bar"))
                .encoding(Encoding.builder()
                        .y(Field.nominal("indicator", "Indicator").sortedBy("x").withAxis(Axis.labelsWithoutTitle(null, 320)))
                        .x(Field.quantitative("gapShare", "Gap to trajectory (share of planned improvement; right = ahead)")
                                .withAxis(Axis.format("%")))
                        .color(ratingColour("rating", values))
                        .tooltip(Field.nominal("indicator", "Indicator"), Field.nominal("theme", "Theme"),
                                Field.quantitative("actual", "Actual"), Field.quantitative("planned", "Planned"),
                                Field.quantitative("gap", "Gap (positive = ahead)"),
                                Field.quantitative("gapShare", "Share of planned improvement").withFormat(".0%"),
                                Field.nominal("rating", "Officer's rating"), Field.nominal("computed", "Computed rating"))
                        .build())
                .size(560, Map.of("step", 14))
                .build();
    }

    /** Grouped bars per theme (each rating, the two quarters side by side) over a transition matrix. */
    public static Spec comparison(String from, String to, String subjectLabel, Comparison c) {
        List<Map<String, Object>> bars = new ArrayList<>();
        LinkedHashSet<String> themes = new LinkedHashSet<>();
        for (ComparisonRow r : c.rows()) {
            Rating rating = r.rating();
            if (!rating.isCounted()) {
                continue;
            }
            themes.add(r.theme());
            bars.add(bar(r.theme(), rating, from, r.fromCount(), r.fromShare()));
            bars.add(bar(r.theme(), rating, to, r.toCount(), r.toShare()));
        }
        List<String> ratingLabels = RATINGS.stream().filter(Rating::isCounted).map(Rating::label).toList();
        Spec grouped = Spec.builder()
                .title("Indicators by rating and theme: " + from + " and " + to, "Left bar of each pair " + from
                        + " (paler), right bar " + to + ".")
                .values(bars)
                .facet(new FacetField("theme", "nominal", "Theme", List.copyOf(themes)), 4, Spec.builder()
                        .mark(Mark.of("bar"))
                        .encoding(Encoding.builder()
                                .x(Field.nominal("rating", "Rating").sortedAs(ratingLabels).withAxis(Axis.labels(-30, null)))
                                .xOffset(Field.nominal("quarter", "Quarter").sortedAs(List.of(from, to)))
                                .y(Field.quantitative("count", subjectLabel))
                                .color(ratingColour("rating", bars))
                                .opacity(Field.nominal("quarter", "Quarter").sortedAs(List.of(from, to))
                                        .withScale(Scale.mapping(List.of(from, to), List.of(0.45, 1.0)))
                                        .withLegend(Legend.titled("Quarter")))
                                .tooltip(Field.nominal("theme", "Theme"), Field.nominal("quarter", "Quarter"),
                                        Field.nominal("rating", "Rating"), Field.quantitative("count", subjectLabel),
                                        Field.quantitative("share", "Share").withFormat(".1%"))
                                .build())
                        .size(200, 150)
                        .build())
                .build();
        return Spec.builder().topLevel()
                .title(subjectLabel + ": " + from + " compared with " + to, null)
                .vconcat(grouped, transitionMatrix(from, to, subjectLabel, c.transitions()))
                .build();
    }

    /**
     * The Indicator Risk Summary as small multiples: per theme (and Totals), each rating's count in
     * the same quarter last year, the previous quarter and this one, side by side. Ratings are
     * named on the axis, so colour is never the only cue.
     */
    public static Spec riskSummary(List<RiskSummaryRow> rows) {
        List<Map<String, Object>> bars = new ArrayList<>();
        LinkedHashSet<String> themes = new LinkedHashSet<>();
        List<String> quarters = new ArrayList<>();
        for (RiskSummaryRow r : rows) {
            Rating rating = r.rating();
            if (!rating.isCounted()) {
                continue;
            }
            themes.add(r.theme());
            if (quarters.isEmpty()) {
                quarters.add(r.lastYearPeriod());
                quarters.add(r.previousPeriod());
                quarters.add(r.period());
            }
            if (r.lastYearCount() != null) {
                bars.add(bar(r.theme(), rating, r.lastYearPeriod(), r.lastYearCount(), r.lastYearShare()));
            }
            if (r.previousCount() != null) {
                bars.add(bar(r.theme(), rating, r.previousPeriod(), r.previousCount(), r.previousShare()));
            }
            bars.add(bar(r.theme(), rating, r.period(), r.count(), r.share()));
        }
        List<String> ratingLabels = RATINGS.stream().filter(Rating::isCounted).map(Rating::label).toList();
        String period = quarters.isEmpty() ? "" : quarters.get(2);
        return Spec.builder().topLevel()
                .title("Indicator risk summary, " + period, "Indicators of each rating per theme: in each group the "
                        + "palest bar is " + (quarters.isEmpty() ? "" : quarters.get(0)) + ", the middle one "
                        + (quarters.isEmpty() ? "" : quarters.get(1)) + " and the darkest " + period + ".")
                .values(bars)
                .independentY()
                .facet(new FacetField("theme", "nominal", "Theme", List.copyOf(themes)), 4, Spec.builder()
                        .mark(Mark.of("bar"))
                        .encoding(Encoding.builder()
                                .x(Field.nominal("rating", "Rating").sortedAs(ratingLabels).withAxis(Axis.labels(-30, null)))
                                .xOffset(Field.nominal("quarter", "Quarter").sortedAs(quarters))
                                .y(Field.quantitative("count", "Indicators"))
                                .color(ratingColour("rating", bars))
                                .opacity(Field.nominal("quarter", "Quarter").sortedAs(quarters)
                                        .withScale(Scale.mapping(quarters, List.of(0.3, 0.6, 1.0)))
                                        .withLegend(Legend.titled("Quarter")))
                                .tooltip(Field.nominal("theme", "Theme"), Field.nominal("quarter", "Quarter"),
                                        Field.nominal("rating", "Rating"), Field.quantitative("count", "Indicators"),
                                        Field.quantitative("share", "Share").withFormat(".1%"))
                                .build())
                        .size(180, 130)
                        .build())
                .build();
    }

    /**
     * One theme's indicators of each rating, quarter by quarter: a line per rating, each with its
     * own point shape as well as its colour.
     */
    public static Spec themeRatings(String theme, List<ThemeTrendRow> rows) {
        List<String> periods = rows.stream().map(ThemeTrendRow::period).distinct().toList();
        List<Map<String, Object>> values = new ArrayList<>();
        for (ThemeTrendRow r : rows) {
            if (r.rating().isCounted()) {
                Map<String, Object> v = new LinkedHashMap<>();
                v.put("period", r.period());
                v.put("rating", label(r.rating()));
                v.put("count", r.count());
                v.put("share", r.share());
                values.add(v);
            }
        }
        // a rating no indicator had in any quarter is neither drawn as a line of zeros nor listed
        Set<Object> shown = new HashSet<>(shownRatings("rating", values).stream().map(Rating::label).toList());
        values.removeIf(v -> !shown.contains(v.get("rating")));
        return Spec.builder().topLevel()
                .title(theme + ": indicators of each rating, quarter by quarter",
                        "One line per rating; each rating has its own point shape.")
                .values(values)
                .mark(Mark.of("line").withPoint(true))
                .encoding(Encoding.builder()
                        .x(Field.ordinal("period", "Quarter").sortedAs(periods).withAxis(Axis.labels(-45, null)))
                        .y(Field.quantitative("count", "Indicators"))
                        .color(ratingColour("rating", values))
                        .shape(Field.nominal("rating", "Rating").withScale(ratingShapes(values)))
                        .tooltip(Field.ordinal("period", "Quarter"), Field.nominal("rating", "Rating"),
                                Field.quantitative("count", "Indicators"),
                                Field.quantitative("share", "Share").withFormat(".1%"))
                        .build())
                .size(560, 260)
                .build();
    }

    /** What moved between two quarters, as a matrix of counts (rows: before; columns: after). */
    public static Spec transitions(String from, String to, String subjectLabel, List<Transition> transitions) {
        return Spec.builder().topLevel().vconcat(transitionMatrix(from, to, subjectLabel, transitions)).build();
    }

    private static Map<String, Object> bar(String theme, Rating rating, String quarter, long count, Double share) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("theme", theme);
        v.put("rating", rating.label());
        v.put("quarter", quarter);
        v.put("count", count);
        v.put("share", share);
        return v;
    }

    private static Spec transitionMatrix(String from, String to, String subjectLabel, List<Transition> transitions) {
        List<Map<String, Object>> cells = new ArrayList<>();
        for (Transition t : transitions) {
            Map<String, Object> v = new HashMap<>();
            v.put("from", label(t.from()));
            v.put("to", label(t.to()));
            v.put("count", t.count());
            cells.add(v);
        }
        List<String> order = RATINGS.stream().map(Rating::label).toList();
        Field x = Field.ordinal("to", "Rating in " + to).sortedAs(order).withAxis(Axis.labels(-30, null));
        Field y = Field.ordinal("from", "Rating in " + from).sortedAs(order);
        Spec heat = Spec.builder()
                .mark(Mark.of("rect"))
                .encoding(Encoding.builder().x(x).y(y)
                        .color(Field.quantitative("count", subjectLabel)
                                .withScale(new Scale(null, List.of("#f4f4f4", "#7f9fcf"), null, null))
                                .withLegend(Legend.titled(subjectLabel)))
                        .tooltip(Field.ordinal("from", "Rating in " + from), Field.ordinal("to", "Rating in " + to),
                                Field.quantitative("count", subjectLabel))
                        .build())
                .build();
        Spec labels = Spec.builder()
                .mark(Mark.of("text").withColor("#111111"))
                .encoding(Encoding.builder().x(x).y(y).text(Field.quantitative("count", subjectLabel)).build())
                .build();
        return Spec.builder()
                .title("What moved: rating in " + from + " (rows) against rating in " + to + " (columns)",
                        "Each cell counts the " + subjectLabel.toLowerCase() + " that moved from the row's rating to the "
                                + "column's; the diagonal stayed the same.")
                .values(cells)
                .layer(heat, labels)
                .size(360, 260)
                .build();
    }

    /** Commitments by rating, in rating colours. */
    public static Spec commitments(String period, List<CommitmentRow> rows) {
        Map<String, Long> counts = new LinkedHashMap<>();
        rows.forEach(r -> counts.merge(label(r.rating()), 1L, Long::sum));
        List<Map<String, Object>> values = new ArrayList<>();
        counts.forEach((rating, n) -> values.add(Map.of("rating", rating, "count", n)));
        return Spec.builder().topLevel()
                .title("Commitments by status, " + period, "As reported in the quarter's commitments report.")
                .values(values)
                .mark(Mark.of("bar"))
                .encoding(Encoding.builder()
                        .x(Field.nominal("rating", "Status").sortedAs(RATINGS.stream().map(Rating::label).toList())
                                .withAxis(Axis.labels(0, null)))
                        .y(Field.quantitative("count", "Commitments"))
                        .color(ratingColour("rating", values))
                        .tooltip(Field.nominal("rating", "Status"), Field.quantitative("count", "Commitments"))
                        .build())
                .size(420, 240)
                .build();
    }

    /** Whole-authority figures reported each quarter. */
    public static Spec periods(List<PeriodRow> rows) {
        List<Map<String, Object>> values = new ArrayList<>();
        rows.forEach(p -> values.add(Map.of("period", p.period(), "figures", p.figuresReported(),
                "status", p.signedOff() ? "Signed off" : p.hasReturn() ? "Not signed off" : "No return")));
        return Spec.builder().topLevel()
                .title("Figures reported each quarter", "Whole-authority indicator figures in this snapshot.")
                .values(values)
                .mark(Mark.of("bar"))
                .encoding(Encoding.builder()
                        .x(Field.ordinal("period", "Quarter").sortedAs(rows.stream().map(PeriodRow::period).toList())
                                .withAxis(Axis.labels(-45, null)))
                        .y(Field.quantitative("figures", "Figures reported"))
                        .color(Field.nominal("status", "Return").withScale(Scale.mapping(
                                List.of("Signed off", "Not signed off", "No return"), List.of("#1f5fa8", "#b35900", "#8c8c8c"))))
                        .tooltip(Field.ordinal("period", "Quarter"), Field.quantitative("figures", "Figures reported"),
                                Field.nominal("status", "Return"))
                        .build())
                .size(560, 240)
                .build();
    }

    /** Indicators per theme. */
    public static Spec themes(List<ThemeRow> rows) {
        List<Map<String, Object>> values = new ArrayList<>();
        rows.forEach(t -> values.add(Map.of("theme", t.theme(), "indicators", t.indicators())));
        return Spec.builder().topLevel()
                .title("Indicators in each theme", null)
                .values(values)
                .mark(Mark.of("bar").withColor("#1f5fa8"))
                .encoding(Encoding.builder()
                        .y(Field.nominal("theme", "Theme").sortedAs(rows.stream().map(ThemeRow::theme).toList()))
                        .x(Field.quantitative("indicators", "Indicators"))
                        .tooltip(Field.nominal("theme", "Theme"), Field.quantitative("indicators", "Indicators"))
                        .build())
                .size(420, Map.of("step", 22))
                .build();
    }

    /** How many areas there are of each kind. */
    public static Spec areas(List<AreaRow> rows) {
        Map<String, Long> counts = new LinkedHashMap<>();
        rows.forEach(a -> counts.merge(a.type(), 1L, Long::sum));
        List<Map<String, Object>> values = new ArrayList<>();
        counts.forEach((type, n) -> values.add(Map.of("type", type, "areas", n)));
        return Spec.builder().topLevel()
                .title("Areas by kind", null)
                .values(values)
                .mark(Mark.of("bar").withColor("#1f5fa8"))
                .encoding(Encoding.builder()
                        .y(Field.nominal("type", "Kind of area"))
                        .x(Field.quantitative("areas", "Areas"))
                        .tooltip(Field.nominal("type", "Kind of area"), Field.quantitative("areas", "Areas"))
                        .build())
                .size(420, Map.of("step", 22))
                .build();
    }

    /** The members of each comparison group. */
    public static Spec groups(List<ComparisonGroup> groups) {
        List<Map<String, Object>> values = new ArrayList<>();
        groups.forEach(g -> values.add(Map.of("group", g.name(), "members", g.members().size())));
        return Spec.builder().topLevel()
                .title("Comparison groups and their members", null)
                .values(values)
                .mark(Mark.of("bar").withColor("#1f5fa8"))
                .encoding(Encoding.builder()
                        .y(Field.nominal("group", "Comparison group"))
                        .x(Field.quantitative("members", "Members"))
                        .tooltip(Field.nominal("group", "Comparison group"), Field.quantitative("members", "Members"))
                        .build())
                .size(420, Map.of("step", 22))
                .build();
    }

    /** Matching indicators per theme. */
    public static Spec indicators(List<IndicatorSummary> rows) {
        Map<String, Long> counts = new LinkedHashMap<>();
        rows.forEach(r -> counts.merge(r.theme(), 1L, Long::sum));
        List<Map<String, Object>> values = new ArrayList<>();
        counts.forEach((theme, n) -> values.add(Map.of("theme", theme, "indicators", n)));
        return Spec.builder().topLevel()
                .title("Matching indicators by theme", null)
                .values(values)
                .mark(Mark.of("bar").withColor("#1f5fa8"))
                .encoding(Encoding.builder()
                        .y(Field.nominal("theme", "Theme").sortedAs(List.copyOf(counts.keySet())))
                        .x(Field.quantitative("indicators", "Indicators"))
                        .tooltip(Field.nominal("theme", "Theme"), Field.quantitative("indicators", "Indicators"))
                        .build())
                .size(420, Map.of("step", 22))
                .build();
    }

    /** An indicator's plan: planned and stretch trajectories and the reward threshold, quarter by quarter. */
    public static Spec indicator(IndicatorDetail d) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (TrajectoryPoint p : d.trajectory()) {
            addSeries(lines, p.period(), SERIES_PLANNED, p.planned());
            addSeries(lines, p.period(), SERIES_STRETCH, p.stretchPlanned());
            addSeries(lines, p.period(), SERIES_REWARD, p.rewardThreshold());
        }
        List<String> series = List.of(SERIES_PLANNED, SERIES_STRETCH, SERIES_REWARD);
        return Spec.builder().topLevel()
                .title(d.ref() + ": " + d.title(), "The planned trajectory to the target of "
                        + (d.targetValue() == null ? "(not yet set)" : Reasons.number(d.targetValue()))
                        + (d.targetPeriod() == null ? "" : " by " + d.targetPeriod()) + "; "
                        + d.polarity().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ".")
                .values(lines)
                .mark(Mark.of("line").withColor("#333333"))
                .encoding(Encoding.builder()
                        .x(Field.ordinal("period", "Quarter").sortedAs(d.trajectory().stream().map(TrajectoryPoint::period)
                                .toList()).withAxis(Axis.labels(-45, null)))
                        .y(Field.quantitative("value", "Planned value").withScale(Scale.notFromZero()))
                        .strokeDash(Field.nominal("series", "Line").withScale(Scale.mapping(series,
                                List.of(List.of(6, 4), List.of(2, 3), List.of(1, 0)))))
                        .tooltip(Field.nominal("series", "Line"), Field.ordinal("period", "Quarter"),
                                Field.quantitative("value", "Value"))
                        .build())
                .size(640, 300)
                .build();
    }

    static String shorten(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        return s.substring(0, max - 1) + "\u2026";
    }

    /** Number formatting for titles. */
    static final class Reasons {
        private Reasons() {
        }

        static String number(double v) {
            return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.format("%,d", (long) v) : String.format("%,.2f", v);
        }
    }

    /**
     * How areas compare on one indicator in one quarter: every area's figure as a dot, best to
     * worst from left to right, the area asked about marked and named, with the comparison set's
     * median (solid rule) and quartiles (dashed rules).
     */
    public static Spec benchmark(String ref, String title, MeasureUnit unit, String period, String setLabel,
                                 Benchmark b) {
        String unitTitle = unitTitle(unit);
        List<String> order = b.rows().stream().map(BenchmarkRow::areaName).toList();
        List<Map<String, Object>> dots = new ArrayList<>();
        for (BenchmarkRow r : b.rows()) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("area", r.areaName());
            d.put("actual", r.actual());
            d.put("rank", r.rank() + " of " + r.of());
            d.put("quartile", "Quartile " + r.quartile());
            d.put("shown", b.focus() != null && b.focus().area().equals(r.area()) ? "Chosen area" : "Other areas");
            dots.add(d);
        }
        List<Map<String, Object>> rules = new ArrayList<>();
        BenchmarkSummary s = b.summary();
        if (s.median() != null) {
            rules.add(Map.of("line", "Median", "value", s.median()));
            rules.add(Map.of("line", "Lower quartile", "value", s.lowerQuartile()));
            rules.add(Map.of("line", "Upper quartile", "value", s.upperQuartile()));
        }
        Field x = Field.nominal("area", "Areas, best to worst").sortedAs(order)
                .withAxis(order.size() > 40 ? Axis.withoutLabels() : Axis.labels(-45, 140));
        Spec ruleLayer = Spec.builder()
                .values(rules)
                .mark(Mark.of("rule").withColor("#555555").withStrokeWidth(1.5))
                .encoding(Encoding.builder()
                        .y(Field.quantitative("value", unitTitle))
                        .strokeDash(Field.nominal("line", "Line").withScale(Scale.mapping(
                                List.of("Median", "Lower quartile", "Upper quartile"),
                                List.of(List.of(1, 0), List.of(5, 3), List.of(5, 3)))).withLegend(Legend.titled("Line")))
                        .tooltip(Field.nominal("line", "Line"), Field.quantitative("value", "Value"))
                        .build())
                .build();
        Spec dotLayer = Spec.builder()
                .values(dots)
                .mark(Mark.of("point").withSize(70).withOpacity(1).withFilled(true))
                .encoding(Encoding.builder()
                        .x(x)
                        .y(Field.quantitative("actual", unitTitle).withScale(Scale.notFromZero()))
                        .color(Field.nominal("shown", "Area").withScale(Scale.mapping(List.of("Chosen area", "Other areas"),
                                List.of("#b3261e", "#5b7083"))).withLegend(Legend.titled("Area")))
                        .shape(Field.nominal("shown", "Area").withScale(Scale.mapping(List.of("Chosen area", "Other areas"),
                                List.of("diamond", "circle"))))
                        .tooltip(Field.nominal("area", "Area"), Field.quantitative("actual", "Figure"),
                                Field.nominal("rank", "Rank"), Field.nominal("quartile", "Quartile"))
                        .build())
                .build();
        List<Spec> layers = new ArrayList<>(List.of(ruleLayer, dotLayer));
        if (b.focus() != null) {
            Map<String, Object> label = new LinkedHashMap<>();
            label.put("area", b.focus().areaName());
            label.put("actual", b.focus().actual());
            label.put("text", b.focus().areaName() + ": " + b.focus().rank() + " of " + b.focus().of());
            layers.add(Spec.builder()
                    .values(List.of(label))
                    .mark(Mark.of("text").withColor("#b3261e"))
                    .encoding(Encoding.builder()
                            .x(x)
                            .y(Field.quantitative("actual", unitTitle))
                            .text(Field.nominal("text", "Chosen area"))
                            .build())
                    .build());
        }
        String focus = b.focus() == null ? "" : " " + b.focus().areaName() + " is " + ordinal(b.focus().rank()) + " of "
                + b.focus().of() + " (quartile " + b.focus().quartile() + ").";
        return Spec.builder().topLevel()
                .title(ref + ": " + title + ", " + period, "Every area's figure in " + setLabel + ", best to worst, "
                        + "with the median (solid) and quartiles (dashed)." + focus)
                .size(640, 300)
                .layer(layers.toArray(Spec[]::new))
                .build();
    }

    /**
     * One indicator across an authority and its areas in one quarter: each area's figure as a bar,
     * its own planned trajectory as a black tick (none for an area without a plan), coloured by
     * the officer's rating where there is one.
     */
    public static Spec areas(String ref, String title, MeasureUnit unit, String period, List<AreaGapRow> rows) {
        String unitTitle = unitTitle(unit);
        List<String> order = rows.stream().map(AreaGapRow::areaName).toList();
        List<Map<String, Object>> bars = new ArrayList<>();
        List<Map<String, Object>> plans = new ArrayList<>();
        for (AreaGapRow r : rows) {
            if (r.actual() != null) {
                Map<String, Object> b = new LinkedHashMap<>();
                b.put("area", r.areaName());
                b.put("actual", r.actual());
                b.put("rating", label(r.reportedRating()));
                bars.add(b);
            }
            if (r.planned() != null) {
                plans.add(Map.of("area", r.areaName(), "planned", r.planned()));
            }
        }
        Field area = Field.nominal("area", "Area").sortedAs(order).withAxis(Axis.labelsWithoutTitle(null, 200));
        Spec barLayer = Spec.builder()
                .values(bars)
                .mark(Mark.of("bar"))
                .encoding(Encoding.builder()
                        .y(area)
                        .x(Field.quantitative("actual", unitTitle))
                        .color(ratingColour("rating", bars))
                        .tooltip(Field.nominal("area", "Area"), Field.quantitative("actual", "Actual"),
                                Field.nominal("rating", "Officer's rating"))
                        .build())
                .build();
        Spec planLayer = Spec.builder()
                .values(plans)
                .mark(Mark.of("tick").withColor("#1b1b1b").withStrokeWidth(3))
                .encoding(Encoding.builder()
                        .y(area)
                        .x(Field.quantitative("planned", unitTitle))
                        .tooltip(Field.nominal("area", "Area"), Field.quantitative("planned", "Planned trajectory"))
                        .build())
                .build();
        return Spec.builder().topLevel()
                .title(ref + ": " + title + ", area by area, " + period, "Each area's figure (bar, coloured by the "
                        + "officer's rating) against its own planned trajectory (black tick; none where an area has no plan).")
                .size(520, Map.of("step", 22))
                .layer(barLayer, planLayer)
                .build();
    }

    /** 1st, 2nd, 3rd, 4th, 11th, 21st ... */
    public static String ordinal(int n) {
        int h = n % 100;
        String suffix = h >= 11 && h <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }
}
