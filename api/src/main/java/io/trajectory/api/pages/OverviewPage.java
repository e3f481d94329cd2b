package io.trajectory.api.pages;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.RequestBean;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Hidden;
import io.trajectory.api.chart.Charts;
import io.trajectory.api.web.Meta;
import io.trajectory.api.web.QuarterParameters;
import io.trajectory.api.web.Table;
import io.trajectory.warehouse.period.FiscalQuarter;
import io.trajectory.warehouse.query.AreaRow;
import io.trajectory.warehouse.query.RiskSummaryQuery;
import io.trajectory.warehouse.query.RiskSummaryRow;
import io.trajectory.warehouse.rating.Rating;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The overview: the Indicator Risk Summary for a quarter (the latest by default), each theme's
 * ratings beside the previous quarter's and the same quarter last year's, with its chart. The
 * figures are the warehouse's risk summary ({@link RiskSummaryQuery}), as the API answers them.
 */
@Hidden
@Controller
@PageController
@ExecuteOn(TaskExecutors.BLOCKING)
public class OverviewPage {

    private final Pages pages;
    private final RiskSummaryQuery riskSummary;

    public OverviewPage(Pages pages, RiskSummaryQuery riskSummary) {
        this.pages = pages;
        this.riskSummary = riskSummary;
    }

    @Get(uri = "/", produces = "text/html")
    public HttpResponse<?> overview(HttpRequest<?> request, @RequestBean QuarterParameters quarter) throws SQLException {
        return pages.renderIn(request, "overview", quarter.area(), (c, info, area) -> {
            FiscalQuarter q = Pages.withReturn(quarter.periodOr(info.latest()), info, "period");
            List<RiskSummaryRow> rows = riskSummary.summary(c, q, quarter.basis(), area.key());
            List<Rating> ratings = shownRatings(rows);
            Map<Rating, RiskSummaryRow> totals = new EnumMap<>(Rating.class);
            rows.stream().filter(r -> r.theme().equals("Totals")).forEach(r -> totals.put(r.rating(), r));
            String csv = "/risk-summary.csv?period=" + q.key() + "&basis=" + quarter.basis().code()
                    + (PageAreas.isHome(area, info) ? "" : "&area=" + Links.encode(area.code()));
            ChartBlock chart = pages.chart("risk-summary", Charts.riskSummary(rows),
                    "Bar charts of the table below: for each theme, the number of Green, Amber, Red and Not available "
                            + "indicators in " + q.sameQuarterLastYear() + ", " + q.previous() + " and " + q + ".", csv);
            return new Model(area, q.toString(), q.previous().toString(), q.sameQuarterLastYear().toString(),
                    rows.isEmpty() || rows.get(0).previousCount() != null,
                    rows.isEmpty() || rows.get(0).lastYearCount() != null, quarter.basis().code(), ratings,
                    lines(rows, ratings), lead(q, totals),
                    totals.values().stream().filter(r -> !r.rating().isCounted()).toList(), Meta.SHARE_RULE, chart, csv);
        });
    }

    @Get(uri = "/risk-summary.csv", produces = "text/csv")
    public Table<RiskSummaryRow> csv(@RequestBean QuarterParameters quarter) throws SQLException {
        return pages.table("risk-summary", RiskSummaryRow.class, (c, info) -> riskSummary.summary(c,
                Pages.withReturn(quarter.periodOr(info.latest()), info, "period"), quarter.basis(),
                PageAreas.required(quarter.area(), info).key()));
    }

    /**
     * The risk summary page.
     *
     * @param previousReported whether the quarter before has a published return (else its column says so)
     * @param ratings          the rating columns, in the report's order
     * @param notCounted       this quarter's Totals of the ratings left out of counts (Ended, No target)
     */
    public record Model(AreaRow area, String period, String previous, String lastYear, boolean previousReported,
            boolean lastYearReported, String basis, List<Rating> ratings, List<SummaryLine> lines, String lead,
            List<RiskSummaryRow> notCounted, String shareRule, ChartBlock chart, String csv) implements Page {

        @Override
        public String title() {
            return "Indicator risk summary";
        }

        @Override
        public AreaRow shownArea() {
            return area;
        }

        @Override
        public Map<String, String> pinned() {
            return Map.of("period", period);
        }

        @Override
        public List<String> quartersShown() {
            return List.of(period);
        }
    }

    /** The rating columns: Achieved only when some indicator was Achieved in one of the three quarters. */
    private static List<Rating> shownRatings(List<RiskSummaryRow> rows) {
        return RatingBadge.summaryColumns(rows.stream().anyMatch(x -> x.rating() == Rating.ACHIEVED
                && (x.count() > 0 || nonZero(x.previousCount()) || nonZero(x.lastYearCount()))));
    }

    private static boolean nonZero(Long n) {
        return n != null && n > 0;
    }

    /** The table's lines: a theme (or Totals) and its cells, rating by rating, oldest quarter first. */
    private static List<SummaryLine> lines(List<RiskSummaryRow> rows, List<Rating> ratings) {
        Map<String, Map<Rating, RiskSummaryRow>> byTheme = new LinkedHashMap<>();
        rows.forEach(r -> byTheme.computeIfAbsent(r.theme(), t -> new EnumMap<>(Rating.class)).put(r.rating(), r));
        List<SummaryLine> lines = new ArrayList<>();
        byTheme.forEach((theme, cells) -> {
            boolean totals = theme.equals("Totals");
            List<Cell> shown = new ArrayList<>();
            for (Rating rating : ratings) {
                RiskSummaryRow r = cells.get(rating);
                if (r == null) {
                    continue;
                }
                shown.add(cell(totals, rating, r.lastYearPeriod(), r.lastYearCount(), r.lastYearShare()));
                shown.add(cell(totals, rating, r.previousPeriod(), r.previousCount(), r.previousShare()));
                shown.add(cell(totals, rating, r.period(), r.count(), r.share()));
            }
            lines.add(new SummaryLine(theme, totals, shown));
        });
        return lines;
    }

    private static Cell cell(boolean totals, Rating rating, String quarter, Long count, Double share) {
        String text = count == null ? Formats.NONE : Long.toString(count);
        String shown = totals && count != null && share != null ? "(" + Formats.INSTANCE.share(share) + ")" : null;
        return new Cell(text, shown, rating, quarter, count);
    }

    /** A line of the risk summary table as the page prints it. */
    public record SummaryLine(String theme, boolean totals, List<Cell> cells) {
    }

    /** One figure of the table; {@code count} is null for a quarter with no published return. */
    public record Cell(String text, String share, Rating rating, String quarter, Long count) {
    }

    /** The sentence above the table, in words, from this quarter's Totals. */
    private static String lead(FiscalQuarter q, Map<Rating, RiskSummaryRow> totals) {
        Formats f = Formats.INSTANCE;
        long withData = 0;
        for (Rating r : List.of(Rating.ACHIEVED, Rating.GREEN, Rating.AMBER, Rating.RED)) {
            RiskSummaryRow t = totals.get(r);
            withData += t == null ? 0 : t.count();
        }
        RiskSummaryRow green = totals.get(Rating.GREEN);
        RiskSummaryRow amber = totals.get(Rating.AMBER);
        RiskSummaryRow red = totals.get(Rating.RED);
        RiskSummaryRow na = totals.get(Rating.NOT_AVAILABLE);
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
