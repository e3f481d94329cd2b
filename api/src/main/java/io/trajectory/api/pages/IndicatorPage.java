package io.trajectory.api.pages;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestBean;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Hidden;
import io.trajectory.api.chart.Charts;
import io.trajectory.api.snapshot.Served;
import io.trajectory.api.web.ProblemException;
import io.trajectory.api.web.RangeParameters;
import io.trajectory.api.web.Table;
import io.trajectory.warehouse.period.FiscalQuarter;
import io.trajectory.warehouse.query.AreaRow;
import io.trajectory.warehouse.query.CatalogueQuery;
import io.trajectory.warehouse.query.GapRow;
import io.trajectory.warehouse.query.IndicatorDetail;
import io.trajectory.warehouse.query.IndicatorSummary;
import io.trajectory.warehouse.query.IndicatorVersion;
import io.trajectory.warehouse.query.TrajectoryGapQuery;
import io.trajectory.warehouse.query.TrendPoint;
import io.trajectory.warehouse.query.TrendQuery;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * One indicator: its definition, the trend against trajectory and target with the officer's
 * rating each quarter, the gap in the last quarter shown, the commentary quarter by quarter and
 * the history of its definition. Without a reference, a search of the indicators.
 */
@Hidden
@Controller("/indicator")
@PageController
@ExecuteOn(TaskExecutors.BLOCKING)
public class IndicatorPage {

    private final Pages pages;
    private final CatalogueQuery catalogue;
    private final TrendQuery trend;
    private final TrajectoryGapQuery gaps;

    public IndicatorPage(Pages pages, CatalogueQuery catalogue, TrendQuery trend, TrajectoryGapQuery gaps) {
        this.pages = pages;
        this.catalogue = catalogue;
        this.trend = trend;
        this.gaps = gaps;
    }

    @Get(produces = "text/html")
    public HttpResponse<?> indicator(HttpRequest<?> request, @Nullable @QueryValue String ref,
            @Nullable @QueryValue String q, @Nullable @QueryValue String theme, @RequestBean RangeParameters range)
            throws SQLException {
        if (ref == null || ref.isBlank()) {
            return pages.render(request, "indicators", (c, info) -> {
                String themeName = theme == null || theme.isBlank() ? null : ThemePage.known(theme, info);
                String text = q == null || q.isBlank() ? null : q.strip();
                return new SearchModel(PageAreas.chosen(range.area(), info).orElse(null), text == null ? "" : text,
                        themeName == null ? "" : themeName, catalogue.indicators(c, themeName, text));
            });
        }
        return pages.renderIn(request, "indicator", range.area(), (c, info, area) -> {
            IndicatorDetail d = detail(c, info, ref);
            Range shown = range(info, range);
            TrendQuery.ProcessTrend read = trend.processTrend(c, d.ref(), d.polarity(), d.accumulation(), area.key(), shown.first(),
                    shown.last(), range.basis(), null);
            List<TrendPoint> points = read.points();
            GapRow gap = gaps.gaps(c, shown.last(), d.theme(), range.basis(), area.key()).stream()
                    .filter(g -> g.indicator().equals(d.ref())).findFirst().orElse(null);
            List<TrendPoint> newestFirst = new ArrayList<>(points);
            Collections.reverse(newestFirst);
            boolean home = PageAreas.isHome(area, info);
            String query = "?ref=" + Links.encode(d.ref()) + "&from=" + shown.first().key() + "&to=" + shown.last().key()
                    + "&basis=" + range.basis().code() + (home ? "" : "&area=" + Links.encode(area.code()));
            ChartBlock trendChart = pages.chart("indicator-trend",
                    Charts.trend(d.ref(), d.title(), d.unit(), ThemePage.describe(area), points),
                    "Line chart of " + d.ref() + " from " + shown.first() + " to " + shown.last()
                            + ": the actual figure against the planned trajectory and the target, each quarter's point "
                            + "shaped and coloured by the officer's rating"
                            + (read.chart().limits() == null ? "" : ", with the process mean and limits of its XmR "
                                    + "chart and special-cause points ringed")
                            + ". The commentary table below has the figures.",
                    "/indicator/trend.csv" + query);
            return new Model(area, d, shown.first().toString(), shown.last().toString(), range.basis().code(),
                    home ? "" : area.code(), gap, newestFirst, d.history(),
                    gaps.rule().name() + ": " + gaps.rule().description(), trendChart, "/indicator/trend.csv" + query,
                    "/indicator/history.csv" + query, ProcessReading.of(read.chart()),
                    ProcessReading.sentences(read.chart(), points, Formats.INSTANCE));
        });
    }

    @Get(uri = "/trend.csv", produces = "text/csv")
    public Table<TrendPoint> trendCsv(@Nullable @QueryValue String ref, @RequestBean RangeParameters range)
            throws SQLException {
        return pages.table("indicator-trend", TrendPoint.class, (c, info) -> {
            IndicatorDetail d = detail(c, info, ref);
            Range shown = range(info, range);
            return trend.processTrend(c, d.ref(), d.polarity(), d.accumulation(), PageAreas.required(range.area(), info).key(),
                    shown.first(), shown.last(), range.basis(), null).points();
        });
    }

    @Get(uri = "/history.csv", produces = "text/csv")
    public Table<IndicatorVersion> historyCsv(@Nullable @QueryValue String ref) throws SQLException {
        return pages.table("indicator-history", IndicatorVersion.class, (c, info) -> detail(c, info, ref).history());
    }

    /**
     * An indicator's page.
     *
     * @param d      its definition, trajectory and history
     * @param shown  the area shown
     * @param area   its code for links: {@code ""} for the snapshot's home
     * @param spc    what the trend's XmR chart says of the latest figure and against the target
     * @param gap    where it stood in the last quarter shown; null when not in force then
     * @param points its trend, newest quarter first
     */
    public record Model(AreaRow shown, IndicatorDetail d, String from, String to, String basis, String area, GapRow gap,
            List<TrendPoint> points, List<IndicatorVersion> history, String ratingRule, ChartBlock trendChart,
            String trendCsv, String historyCsv, ProcessReading spc, List<String> spcSentences) implements Page {

        @Override
        public String title() {
            return d.ref() + " " + d.title();
        }

        @Override
        public AreaRow shownArea() {
            return shown;
        }

        @Override
        public Map<String, String> pinned() {
            return Map.of("from", from, "to", to);
        }

        @Override
        public List<String> quartersShown() {
            return List.of(to);
        }
    }

    /** The search of the indicators: what was asked for and what was found. */
    public record SearchModel(AreaRow area, String q, String theme, List<IndicatorSummary> found) implements Page {

        @Override
        public String title() {
            return "Indicators";
        }

        @Override
        public AreaRow shownArea() {
            return area;
        }
    }

    private IndicatorDetail detail(Connection c, Served info, String ref) throws SQLException {
        if (ref == null || ref.isBlank()) {
            throw ProblemException.required("ref", "an indicator reference such as LAA 5.10");
        }
        String wanted = ref.strip();
        return catalogue.indicator(c, wanted).orElseThrow(() -> ProblemException.notFound("ref",
                "No indicator '" + wanted + "' in snapshot v" + info.version() + "; the Indicators page lists them."));
    }

    /** The quarters shown: by default from the first with a published return to the latest. */
    private static Range range(Served info, RangeParameters range) {
        FiscalQuarter last = Pages.withReturn(range.toOr(info.latest()), info, "to");
        FiscalQuarter first = range.fromOr(firstPublished(info, last));
        RangeParameters.ordered(first, last);
        return new Range(first, last);
    }

    /** The oldest quarter with a published return, if it is not after {@code fallback}. */
    static FiscalQuarter firstPublished(Served info, FiscalQuarter fallback) {
        List<String> newestFirst = info.publishedQuarters();
        if (newestFirst.isEmpty()) {
            return fallback;
        }
        FiscalQuarter oldest = FiscalQuarter.parse(newestFirst.get(newestFirst.size() - 1));
        return oldest.isAfter(fallback) ? fallback : oldest;
    }

    private record Range(FiscalQuarter first, FiscalQuarter last) {
    }
}
