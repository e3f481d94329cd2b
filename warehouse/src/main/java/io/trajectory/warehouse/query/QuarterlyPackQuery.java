package io.trajectory.warehouse.query;

import io.trajectory.warehouse.indicator.Accumulation;
import io.trajectory.warehouse.indicator.Polarity;
import io.trajectory.warehouse.period.FiscalQuarter;
import io.trajectory.warehouse.rating.Rating;
import io.trajectory.warehouse.rating.RatingCounts;
import io.trajectory.warehouse.rating.ShareRule;
import io.trajectory.warehouse.spc.ControlChart;
import io.trajectory.warehouse.spc.SpcRules;
import io.trajectory.warehouse.spc.XmrChart;
import io.trajectory.warehouse.trajectory.DirectionOfTravel;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.trajectory.warehouse.query.Rows.constant;
import static io.trajectory.warehouse.query.Rows.dbl;
import static io.trajectory.warehouse.query.Rows.str;

/**
 * The quarterly report pack of a quarter, from the same warehouse queries the answers use: the
 * risk summary, the trajectory gap (officer's and computed ratings, the officer's trend and
 * commentary), the commitments report and every indicator's trend read as an XmR chart, worked
 * out in one pass over the quarter's trends rather than one query per indicator. Thread-safe.
 */
public final class QuarterlyPackQuery {

    private final RiskSummaryQuery riskSummary;
    private final TrajectoryGapQuery gaps;
    private final CommitmentsQuery commitments;
    private final SpcRules spc;

    public QuarterlyPackQuery(RiskSummaryQuery riskSummary, TrajectoryGapQuery gaps, CommitmentsQuery commitments,
            SpcRules spc) {
        this.riskSummary = Objects.requireNonNull(riskSummary, "riskSummary");
        this.gaps = Objects.requireNonNull(gaps, "gaps");
        this.commitments = Objects.requireNonNull(commitments, "commitments");
        this.spc = Objects.requireNonNull(spc, "spc");
    }

    /**
     * The pack of {@code quarter} in area {@code areaKey} (labelled {@code area}: {@code ""} for the
     * whole authority), its trends read from {@code firstPeriod}.
     */
    public QuarterlyPack pack(Connection c, PeriodRow quarter, FiscalQuarter firstPeriod, Basis basis, int areaKey,
            String area, ShareRule rule) throws SQLException {
        FiscalQuarter period = FiscalQuarter.ofKey(quarter.key());
        List<RiskSummaryRow> summary = reshared(riskSummary.summary(c, period, basis, areaKey), rule);
        List<GapRow> gapRows = gaps.gaps(c, period, null, basis, areaKey);
        Map<String, Extra> extras = extras(c, period, basis, areaKey);
        Map<String, ControlChart> charts = charts(c, firstPeriod, period, basis, areaKey, extras);

        List<PackIndicator> indicators = new ArrayList<>();
        for (GapRow g : inReportOrder(gapRows)) {
            Extra x = extras.get(g.indicator());
            ControlChart chart = charts.get(g.indicator());
            String reason = chart == null ? "no figures" : chart.limitsReason() != null ? chart.limitsReason()
                    : chart.assurance() == null ? chart.assuranceReason() : null;
            indicators.add(new PackIndicator(g.indicator(), g.title(), g.theme(), x == null ? null : x.officer(),
                    g.reportedRating(), g.computedRating(), g.ratingsDisagree(), g.officerTrend(),
                    x == null ? null : x.direction(), x == null ? null : x.directionReason(),
                    chart == null ? null : chart.variation(), chart == null ? null : chart.assurance(), reason,
                    g.actual(), g.planned(), g.gap(), g.gapToStretch(), g.gapToReward(), g.comment()));
        }
        PackHeadline headline = headline(totals(summary), indicators, rule);
        List<CommitmentGroup> sections = CommitmentSection.group(commitments.commitments(c, period, null), period);
        return new QuarterlyPack(period.toString(), period.previous().toString(), basis.code(), area, quarter,
                firstPeriod.toString(), rule, headline, summary,
                indicators.stream().filter(i -> i.rating() == Rating.RED).toList(), sections, List.copyOf(indicators));
    }

    /** The summary's figures: counts from the risk summary's Totals, trends as the officers recorded them. */
    static PackHeadline headline(RatingCounts totals, List<PackIndicator> indicators, ShareRule rule) {
        long red = totals.count(Rating.RED);
        long redImproving = indicators.stream().filter(i -> i.rating() == Rating.RED
                && i.officerTrend() == DirectionOfTravel.IMPROVING).count();
        long redNoChange = indicators.stream().filter(i -> i.rating() == Rating.RED
                && i.officerTrend() == DirectionOfTravel.NO_CHANGE).count();
        // "all the indicators" are the rule's: the counted, or also those with no target yet
        long worsening = indicators.stream().filter(i -> i.officerTrend() == DirectionOfTravel.WORSENING
                && (i.rating().isCounted() || (rule == ShareRule.ALL_IN_FORCE && i.rating() == Rating.NO_TARGET)))
                .count();
        return new PackHeadline(totals.counted(), rule.ofAll(totals), count(totals, Rating.GREEN, rule),
                count(totals, Rating.AMBER, rule), count(totals, Rating.RED, rule), count(totals, Rating.ACHIEVED, rule),
                count(totals, Rating.NOT_AVAILABLE, rule), count(totals, Rating.NO_TARGET, rule),
                totals.count(Rating.ENDED), new PackCount(redImproving, fraction(redImproving, red)),
                new PackCount(redNoChange, fraction(redNoChange, red)),
                new PackCount(worsening, boxed(rule.shareOfAll(totals, worsening))), totals.count(Rating.NOT_DUE));
    }

    private static PackCount count(RatingCounts totals, Rating rating, ShareRule rule) {
        return new PackCount(totals.count(rating), boxed(rule.share(totals, rating)));
    }

    private static RatingCounts totals(List<RiskSummaryRow> summary) {
        RatingCounts.Builder b = RatingCounts.builder();
        summary.stream().filter(r -> r.theme().equals("Totals")).forEach(r -> b.add(r.rating(), r.count()));
        return b.build();
    }

    /** The risk summary with every share worked out under {@code rule}, quarter by quarter. */
    static List<RiskSummaryRow> reshared(List<RiskSummaryRow> rows, ShareRule rule) {
        if (rule == ShareRule.WITH_DATA) {
            return rows; // the warehouse's own rule
        }
        Map<String, List<RiskSummaryRow>> byTheme = new LinkedHashMap<>();
        rows.forEach(r -> byTheme.computeIfAbsent(r.theme(), t -> new ArrayList<>()).add(r));
        List<RiskSummaryRow> out = new ArrayList<>();
        byTheme.forEach((theme, themeRows) -> {
            RatingCounts now = counts(themeRows, r -> r.count());
            RatingCounts previous = counts(themeRows, RiskSummaryRow::previousCount);
            RatingCounts lastYear = counts(themeRows, RiskSummaryRow::lastYearCount);
            for (RiskSummaryRow r : themeRows) {
                out.add(new RiskSummaryRow(r.area(), theme, r.rating(), r.period(), r.count(),
                        boxed(rule.share(now, r.rating())), r.previousPeriod(), r.previousCount(),
                        r.previousCount() == null ? null : boxed(rule.share(previous, r.rating())), r.lastYearPeriod(),
                        r.lastYearCount(), r.lastYearCount() == null ? null : boxed(rule.share(lastYear, r.rating()))));
            }
        });
        return out;
    }

    private static RatingCounts counts(List<RiskSummaryRow> rows, Function<RiskSummaryRow, Long> count) {
        RatingCounts.Builder b = RatingCounts.builder();
        rows.forEach(r -> {
            Long n = count.apply(r);
            if (n != null) {
                b.add(r.rating(), n);
            }
        });
        return b.build();
    }

    private record Extra(Polarity polarity, Accumulation accumulation, String officer, DirectionOfTravel direction, String directionReason) {
    }

    private Map<String, Extra> extras(Connection c, FiscalQuarter period, Basis basis, int areaKey) throws SQLException {
        Map<String, Object> params = new HashMap<>();
        params.put("period_key", period.key());
        params.put("basis", basis.code());
        params.put("area_key", areaKey);
        Map<String, Extra> out = new HashMap<>();
        for (Map.Entry<String, Extra> e : QuerySql.list(c, "pack_indicators.sql", params, rs -> Map.entry(
                str(rs, "indicator_ref"), new Extra(Polarity.parse(str(rs, "polarity")),
                        Accumulation.parse(str(rs, "accumulation")), str(rs, "officer"),
                        constant(rs, "direction_vs_previous_quarter", DirectionOfTravel.class),
                        str(rs, "direction_vs_previous_quarter_reason"))))) {
            out.put(e.getKey(), e.getValue());
        }
        return out;
    }

    /**
     * Every indicator's trend from {@code from} to {@code to} read as an XmR chart, as
     * {@link TrendQuery#processTrend} reads one: against the last target in the range.
     */
    private Map<String, ControlChart> charts(Connection c, FiscalQuarter from, FiscalQuarter to, Basis basis,
            int areaKey, Map<String, Extra> extras) throws SQLException {
        Map<String, Object> params = new HashMap<>();
        params.put("from_key", from.key());
        params.put("to_key", to.key());
        params.put("basis", basis.code());
        params.put("area_key", areaKey);
        record Figure(String ref, Double actual, Double target) {
        }
        Map<String, List<Figure>> series = new LinkedHashMap<>();
        QuerySql.list(c, "pack_series.sql", params, rs -> new Figure(str(rs, "indicator_ref"), dbl(rs, "actual"),
                dbl(rs, "target"))).forEach(f -> series.computeIfAbsent(f.ref(), r -> new ArrayList<>()).add(f));
        Map<String, ControlChart> out = new HashMap<>();
        series.forEach((ref, figures) -> {
            Double target = null;
            for (Figure f : figures) {
                if (f.target() != null) {
                    target = f.target();
                }
            }
            Extra x = extras.get(ref);
            if (x != null) {
                out.put(ref, XmrChart.of(figures.stream().map(Figure::actual).toList(), x.polarity(), x.accumulation(), target,
                        spc));
            }
        });
        return out;
    }

    /** Theme by theme as the gap answer orders them; within a theme, references in number order (7.2 before 7.10). */
    private static List<GapRow> inReportOrder(List<GapRow> rows) {
        Map<String, Integer> themeOrder = new HashMap<>();
        rows.forEach(r -> themeOrder.putIfAbsent(r.theme(), themeOrder.size()));
        List<GapRow> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.<GapRow>comparingInt(r -> themeOrder.get(r.theme()))
                .thenComparing(GapRow::indicator, QuarterlyPackQuery::compareRefs));
        return sorted;
    }

    private static final Pattern PART = Pattern.compile("\\d+|\\D+");

    /** References compared part by part, numbers as numbers: LAA 7.2 before LAA 7.10. */
    static int compareRefs(String a, String b) {
        Matcher x = PART.matcher(a);
        Matcher y = PART.matcher(b);
        while (x.find() && y.find()) {
            String p = x.group();
            String q = y.group();
            int d = Character.isDigit(p.charAt(0)) && Character.isDigit(q.charAt(0))
                    ? new java.math.BigInteger(p).compareTo(new java.math.BigInteger(q)) : p.compareTo(q);
            if (d != 0) {
                return d;
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    private static Double fraction(long n, long of) {
        return of == 0 ? null : (double) n / of;
    }

    private static Double boxed(OptionalDouble d) {
        return d.isPresent() ? d.getAsDouble() : null;
    }
}
