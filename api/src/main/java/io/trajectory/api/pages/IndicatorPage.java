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
import io.trajectory.api.trend.TrendController;
import io.trajectory.api.web.Params;
import io.trajectory.api.web.ProblemException;
import io.trajectory.warehouse.period.FiscalQuarter;
import io.trajectory.warehouse.query.Basis;
import io.trajectory.warehouse.query.CatalogueQuery;
import io.trajectory.warehouse.query.GapRow;
import io.trajectory.warehouse.query.IndicatorDetail;
import io.trajectory.warehouse.query.IndicatorVersion;
import io.trajectory.warehouse.query.TrajectoryGapQuery;
import io.trajectory.warehouse.query.TrendPoint;
import io.trajectory.warehouse.query.TrendQuery;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One indicator: its definition, the trend against trajectory and target with the officer's
 * rating each quarter, the gap in the last quarter shown, the commentary quarter by quarter and
 * the history of its definition. Without a reference, a search of the indicators.
 */
@Hidden
@Controller("/indicator")
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
            @Nullable @QueryValue String q, @Nullable @QueryValue String theme, @Nullable @QueryValue String from,
            @Nullable @QueryValue String to, @Nullable @QueryValue String basis, @Nullable @QueryValue String area) {
        if (ref == null || ref.isBlank()) {
            return pages.render(request, "indicators", "Indicators", (c, info) -> {
                String themeName = theme == null || theme.isBlank() ? null : ThemePage.known(theme, info);
                Map<String, Object> m = new HashMap<>();
                m.put("q", q == null ? "" : q.strip());
                m.put("theme", themeName == null ? "" : themeName);
                m.put("found", catalogue.indicators(c, themeName, q == null || q.isBlank() ? null : q.strip()));
                return m;
            });
        }
        return pages.render(request, "indicator", ref.strip(), (c, info) -> {
            IndicatorDetail d = detail(c, info, ref);
            Range range = range(info, from, to);
            Basis b = Params.basis(basis);
            Params.AreaChoice a = Params.area(area, info.areas(), false);
            List<TrendPoint> points = trend.trend(c, d.ref(), a.key(), range.first(), range.last(), b);
            GapRow gap = gaps.gaps(c, range.last(), d.theme(), b, a.key()).stream()
                    .filter(g -> g.indicator().equals(d.ref())).findFirst().orElse(null);
            Map<String, Object> m = new HashMap<>();
            m.put("title", d.ref() + " " + d.title());
            m.put("d", d);
            m.put("from", range.first().toString());
            m.put("to", range.last().toString());
            m.put("basis", b.code());
            m.put("area", a.label());
            m.put("areas", info.areas());
            m.put("gap", gap);
            List<TrendPoint> newestFirst = new ArrayList<>(points);
            Collections.reverse(newestFirst);
            m.put("points", newestFirst);
            m.put("history", d.history());
            m.put("ratingRule", gaps.rule().name() + ": " + gaps.rule().description());
            String query = "?ref=" + Links.encode(d.ref()) + "&from=" + range.first().key() + "&to=" + range.last().key()
                    + "&basis=" + b.code() + (a.label().isEmpty() ? "" : "&area=" + Links.encode(a.label()));
            m.put("trendChart", pages.chart("indicator-trend",
                    Charts.trend(d.ref(), d.title(), d.unit(), TrendController.areaLabel(a), points),
                    "Line chart of " + d.ref() + " from " + range.first() + " to " + range.last()
                            + ": the actual figure against the planned trajectory and the target, each quarter's point "
                            + "shaped and coloured by the officer's rating. The commentary table below has the figures.",
                    "/indicator/trend.csv" + query));
            m.put("trendCsv", "/indicator/trend.csv" + query);
            m.put("historyCsv", "/indicator/history.csv" + query);
            return m;
        });
    }

    @Get(uri = "/trend.csv", produces = "text/csv")
    public HttpResponse<?> trendCsv(HttpRequest<?> request, @Nullable @QueryValue String ref,
            @Nullable @QueryValue String from, @Nullable @QueryValue String to, @Nullable @QueryValue String basis,
            @Nullable @QueryValue String area) {
        return pages.csv(request, "indicator-trend", TrendPoint.class, (c, info) -> {
            IndicatorDetail d = detail(c, info, ref);
            Range range = range(info, from, to);
            return trend.trend(c, d.ref(), Params.area(area, info.areas(), false).key(), range.first(), range.last(),
                    Params.basis(basis));
        });
    }

    @Get(uri = "/history.csv", produces = "text/csv")
    public HttpResponse<?> historyCsv(HttpRequest<?> request, @Nullable @QueryValue String ref) {
        return pages.csv(request, "indicator-history", IndicatorVersion.class, (c, info) -> detail(c, info, ref).history());
    }

    private IndicatorDetail detail(Connection c, Served info, String ref) throws SQLException {
        String wanted = Params.required("ref", ref, "an indicator reference such as LAA 5.10").strip();
        return catalogue.indicator(c, wanted).orElseThrow(() -> ProblemException.notFound("ref",
                "No indicator '" + wanted + "' in snapshot v" + info.version() + "; the Indicators page lists them."));
    }

    /** The quarters shown: by default from the first with a return to the latest. */
    private static Range range(Served info, String from, String to) {
        FiscalQuarter last = to == null || to.isBlank() ? FiscalQuarter.parse(info.latestPeriod()) : Params.period("to", to);
        FiscalQuarter first = from == null || from.isBlank() ? firstReported(info, last) : Params.period("from", from);
        Params.ordered(first, last);
        return new Range(first, last);
    }

    /** The oldest quarter with a published return, if it is not after {@code fallback}. */
    private static FiscalQuarter firstReported(Served info, FiscalQuarter fallback) {
        List<String> newestFirst = Pages.quarters(info);
        if (newestFirst.isEmpty()) {
            return fallback;
        }
        FiscalQuarter oldest = FiscalQuarter.parse(newestFirst.get(newestFirst.size() - 1));
        return oldest.isAfter(fallback) ? fallback : oldest;
    }

    private record Range(FiscalQuarter first, FiscalQuarter last) {
    }
}
