package io.trajectory.api.trend;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.trajectory.api.chart.Charts;
import io.trajectory.api.snapshot.LiveSnapshot;
import io.trajectory.api.web.Answer;
import io.trajectory.api.web.Meta;
import io.trajectory.api.web.Params;
import io.trajectory.api.web.ProblemException;
import io.trajectory.api.web.Respond;
import io.trajectory.warehouse.period.FiscalQuarter;
import io.trajectory.warehouse.query.Basis;
import io.trajectory.warehouse.query.IndicatorSummary;
import io.trajectory.warehouse.query.PeriodRow;
import io.trajectory.warehouse.query.ThemeTrendRow;
import io.trajectory.warehouse.query.TrendPoint;
import io.trajectory.warehouse.query.TrendQuery;

import java.sql.SQLException;
import java.util.List;

/** How an indicator, or each theme, has moved over the quarters. */
@Controller("/api/v1/trend")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Trend")
@Produces({"application/json", "text/csv", "application/vnd.apache.arrow.stream"})
public class TrendController {

    private final LiveSnapshot snapshot;
    private final TrendQuery trend;

    public TrendController(LiveSnapshot snapshot, TrendQuery trend) {
        this.snapshot = snapshot;
        this.trend = trend;
    }

    @Operation(summary = "One indicator quarter by quarter: actual, trajectory, target, rating, directions, comment. "
            + "Every quarter in the range is present; quarters with no figure have nulls.")
    @Get("{?indicator,area,from,to,basis}")
    public HttpResponse<?> trend(HttpRequest<?> request,
            @Parameter(description = "indicator reference, e.g. LAA 5.10") @Nullable @QueryValue String indicator,
            @Parameter(description = "area code; blank = the whole authority") @Nullable @QueryValue String area,
            @Parameter(description = "first quarter (any spelling); default the snapshot's first") @Nullable @QueryValue String from,
            @Parameter(description = "last quarter (any spelling); default the latest reported") @Nullable @QueryValue String to,
            @Parameter(description = "latest or as-reported") @Nullable @QueryValue String basis) throws SQLException {
        String ref = Params.required("indicator", indicator, "an indicator reference such as LAA 5.10");
        Basis b = Params.basis(basis);
        FiscalQuarter fromQ = Params.optionalPeriod("from", from).orElse(null);
        FiscalQuarter toQ = Params.optionalPeriod("to", to).orElse(null);
        return snapshot.query((c, info) -> {
            IndicatorSummary d = info.indicator(ref).orElseThrow(() -> ProblemException.notFound("indicator",
                    "No indicator '" + ref + "' in snapshot v" + info.version()
                            + "; GET /api/v1/indicators lists them (q= searches)."));
            Params.AreaChoice a = Params.area(area, info.areas(), false);
            FiscalQuarter first = fromQ != null ? fromQ : firstPeriod(info.periods());
            FiscalQuarter last = toQ != null ? toQ : FiscalQuarter.parse(info.latestPeriod());
            Params.ordered(first, last);
            List<TrendPoint> points = trend.trend(c, d.ref(), a.key(), first, last, b);
            Meta meta = Meta.of(info, b.code(), points.stream().map(TrendPoint::period).toList()).withArea(a.label());
            return Respond.with(request, new Answer<>(points, Charts.trend(d.ref(), d.title(), d.unit(), areaLabel(a), points), meta),
                    points, TrendPoint.class, "trend");
        });
    }

    @Operation(summary = "Per theme (and Totals) and quarter, the count and share of each rating")
    @Get("/themes{?from,to,basis,area}")
    public HttpResponse<?> themes(HttpRequest<?> request,
            @Parameter(description = "first quarter (any spelling); default four quarters before 'to'") @Nullable @QueryValue String from,
            @Parameter(description = "last quarter (any spelling); default the latest reported") @Nullable @QueryValue String to,
            @Parameter(description = "latest or as-reported") @Nullable @QueryValue String basis,
            @Parameter(description = "area code; blank = the whole authority; all = every area together") @Nullable @QueryValue String area)
            throws SQLException {
        Basis b = Params.basis(basis);
        FiscalQuarter fromQ = Params.optionalPeriod("from", from).orElse(null);
        FiscalQuarter toQ = Params.optionalPeriod("to", to).orElse(null);
        return snapshot.query((c, info) -> {
            Params.AreaChoice a = Params.area(area, info.areas(), true);
            FiscalQuarter last = toQ != null ? toQ : FiscalQuarter.parse(info.latestPeriod());
            FiscalQuarter first = fromQ != null ? fromQ : last.minusQuarters(4);
            Params.ordered(first, last);
            List<ThemeTrendRow> rows = trend.themes(c, first, last, b, a.key());
            List<String> periods = rows.stream().map(ThemeTrendRow::period).distinct().toList();
            Meta meta = Meta.of(info, b.code(), periods).withArea(a.label()).withShareRule();
            return Respond.with(request, new Answer<>(rows, Charts.themeTrend(rows, areaLabel(a)), meta), rows,
                    ThemeTrendRow.class, "trend-themes");
        });
    }

    private static FiscalQuarter firstPeriod(List<PeriodRow> periods) throws SQLException {
        return periods.stream().filter(PeriodRow::hasReturn).findFirst().or(() -> periods.stream().findFirst())
                .map(p -> FiscalQuarter.ofKey(p.key()))
                .orElseThrow(() -> new SQLException("the snapshot has no quarters"));
    }

    public static String areaLabel(Params.AreaChoice a) {
        return switch (a.label()) {
            case "" -> "Whole authority.";
            case "all" -> "All areas together.";
            default -> "Area: " + a.label() + ".";
        };
    }
}
