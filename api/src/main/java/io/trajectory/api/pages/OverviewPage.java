package io.trajectory.api.pages;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Hidden;
import io.trajectory.api.chart.Charts;
import io.trajectory.api.snapshot.Served;
import io.trajectory.api.web.Meta;
import io.trajectory.api.web.Params;
import io.trajectory.warehouse.period.FiscalQuarter;
import io.trajectory.warehouse.query.Basis;
import io.trajectory.warehouse.query.Comparison;
import io.trajectory.warehouse.query.ComparisonQuery;
import io.trajectory.warehouse.query.ComparisonRow;
import io.trajectory.warehouse.query.Subject;
import io.trajectory.warehouse.rating.Rating;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The overview: the Indicator Risk Summary for a quarter (the latest by default), each theme's
 * ratings beside the previous quarter's and the same quarter last year's, with its chart.
 */
@Hidden
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class OverviewPage {

    private final Pages pages;
    private final ComparisonQuery comparison;

    public OverviewPage(Pages pages, ComparisonQuery comparison) {
        this.pages = pages;
        this.comparison = comparison;
    }

    @Get(uri = "/", produces = "text/html")
    public HttpResponse<?> overview(HttpRequest<?> request, @Nullable @QueryValue String period,
            @Nullable @QueryValue String basis) {
        return pages.render(request, "overview", "Indicator risk summary", (c, info) -> {
            Basis b = Params.basis(basis);
            FiscalQuarter q = quarter(period, info);
            List<RiskSummaryRow> rows = summary(c, info, q, b);
            Map<String, Object> m = new HashMap<>();
            m.put("period", q.toString());
            m.put("previous", q.previous().toString());
            m.put("lastYear", q.sameQuarterLastYear().toString());
            m.put("previousReported", Pages.reported(info, q.previous()));
            m.put("lastYearReported", Pages.reported(info, q.sameQuarterLastYear()));
            m.put("basis", b.code());
            List<RatingBadge> ratings = shownRatings(rows);
            m.put("ratings", ratings);
            m.put("lines", lines(rows, ratings));
            m.put("lead", lead(q, totals(rows)));
            m.put("notCounted", rows.stream().filter(r -> r.theme().equals("Totals") && !Rating.valueOf(r.rating()).isCounted())
                    .toList());
            m.put("shareRule", Meta.SHARE_RULE);
            String csv = "/risk-summary.csv?period=" + q.key() + "&basis=" + b.code();
            m.put("chart", pages.chart("risk-summary", Charts.riskSummary(rows),
                    "Bar charts of the table below: for each theme, the number of Green, Amber, Red and Not available "
                            + "indicators in " + q.sameQuarterLastYear() + ", " + q.previous() + " and " + q + ".", csv));
            m.put("csv", csv);
            return m;
        });
    }

    @Get(uri = "/risk-summary.csv", produces = "text/csv")
    public HttpResponse<?> csv(HttpRequest<?> request, @Nullable @QueryValue String period,
            @Nullable @QueryValue String basis) {
        return pages.csv(request, "risk-summary", RiskSummaryRow.class,
                (c, info) -> summary(c, info, quarter(period, info), Params.basis(basis)));
    }

    static FiscalQuarter quarter(String period, Served info) {
        return period == null || period.isBlank() ? FiscalQuarter.parse(info.latestPeriod())
                : Params.period("period", period);
    }

    /** Every theme's (and the Totals') counts in the three quarters, in report order. */
    List<RiskSummaryRow> summary(Connection c, Served info, FiscalQuarter q, Basis b) throws SQLException {
        int wholeAuthority = Pages.wholeAuthority(info);
        FiscalQuarter previous = q.previous();
        FiscalQuarter lastYear = q.sameQuarterLastYear();
        Comparison withPrevious = comparison.compare(c, previous, q, Subject.INDICATORS, b, wholeAuthority, 0);
        Comparison withLastYear = comparison.compare(c, lastYear, q, Subject.INDICATORS, b, wholeAuthority, 0);
        boolean previousReported = Pages.reported(info, previous);
        boolean lastYearReported = Pages.reported(info, lastYear);
        Map<String, ComparisonRow> lastYearRows = new HashMap<>();
        withLastYear.rows().forEach(r -> lastYearRows.put(r.theme() + "\u0000" + r.rating(), r));
        List<RiskSummaryRow> rows = new ArrayList<>();
        for (ComparisonRow r : withPrevious.rows()) {
            ComparisonRow y = lastYearRows.get(r.theme() + "\u0000" + r.rating());
            rows.add(new RiskSummaryRow(r.theme(), r.rating(), q.toString(), r.toCount(), r.toShare(),
                    previous.toString(), previousReported ? r.fromCount() : null, previousReported ? r.fromShare() : null,
                    lastYear.toString(), lastYearReported && y != null ? y.fromCount() : null,
                    lastYearReported && y != null ? y.fromShare() : null));
        }
        return rows;
    }

    /** The rating columns: Achieved only when some indicator was Achieved in one of the three quarters. */
    private static List<RatingBadge> shownRatings(List<RiskSummaryRow> rows) {
        return RatingBadge.summaryColumns(rows.stream().anyMatch(x -> x.rating().equals(Rating.ACHIEVED.name())
                && (x.count() > 0 || nonZero(x.previousCount()) || nonZero(x.lastYearCount()))));
    }

    private static boolean nonZero(Long n) {
        return n != null && n > 0;
    }

    /** The table's lines: a theme (or Totals) and its cells, rating by rating, oldest quarter first. */
    private static List<SummaryLine> lines(List<RiskSummaryRow> rows, List<RatingBadge> ratings) {
        Map<String, Map<String, RiskSummaryRow>> byTheme = new LinkedHashMap<>();
        rows.forEach(r -> byTheme.computeIfAbsent(r.theme(), t -> new HashMap<>()).put(r.rating(), r));
        List<SummaryLine> lines = new ArrayList<>();
        byTheme.forEach((theme, cells) -> {
            boolean totals = theme.equals("Totals");
            List<Cell> shown = new ArrayList<>();
            for (RatingBadge badge : ratings) {
                RiskSummaryRow r = cells.get(badge.code());
                if (r == null) {
                    continue;
                }
                shown.add(cell(totals, badge.code(), r.lastYearPeriod(), r.lastYearCount(), r.lastYearShare()));
                shown.add(cell(totals, badge.code(), r.previousPeriod(), r.previousCount(), r.previousShare()));
                shown.add(cell(totals, badge.code(), r.period(), r.count(), r.share()));
            }
            lines.add(new SummaryLine(theme, totals, shown));
        });
        return lines;
    }

    private static Cell cell(boolean totals, String rating, String quarter, Long count, Double share) {
        String text = count == null ? Formats.NONE : Long.toString(count);
        String shown = totals && count != null && share != null ? "(" + Formats.INSTANCE.share(share) + ")" : null;
        return new Cell(text, shown, rating, quarter, count);
    }

    /** This quarter's Totals, for the sentence above the table. */
    private static Map<String, RiskSummaryRow> totals(List<RiskSummaryRow> rows) {
        Map<String, RiskSummaryRow> t = new HashMap<>();
        rows.stream().filter(r -> r.theme().equals("Totals")).forEach(r -> t.put(r.rating(), r));
        return t;
    }

    /** A line of the risk summary table as the page prints it. */
    public record SummaryLine(String theme, boolean totals, List<Cell> cells) {
    }

    /** One figure of the table; {@code count} is null for a quarter with no published return. */
    public record Cell(String text, String share, String rating, String quarter, Long count) {
    }

    /** The sentence above the table, in words, from this quarter's Totals. */
    private static String lead(FiscalQuarter q, Map<String, RiskSummaryRow> totals) {
        Formats f = Formats.INSTANCE;
        long withData = 0;
        for (Rating r : List.of(Rating.ACHIEVED, Rating.GREEN, Rating.AMBER, Rating.RED)) {
            RiskSummaryRow t = totals.get(r.name());
            withData += t == null ? 0 : t.count();
        }
        RiskSummaryRow green = totals.get(Rating.GREEN.name());
        RiskSummaryRow amber = totals.get(Rating.AMBER.name());
        RiskSummaryRow red = totals.get(Rating.RED.name());
        RiskSummaryRow na = totals.get(Rating.NOT_AVAILABLE.name());
        if (withData == 0) {
            return "No indicator has a rating for " + q + " yet.";
        }
        return "In " + q + ", of the " + withData + " indicators with a rating, "
                + f.share(green == null ? null : green.share()) + " were Green, "
                + f.share(amber == null ? null : amber.share()) + " Amber and "
                + f.share(red == null ? null : red.share()) + " Red. "
                + (na == null || na.count() == 0 ? "Every indicator due had data."
                        : na.count() + " could not yet be assessed (Not available, " + f.share(na.share()) + " of all).");
    }
}
