package io.trajectory.api.trend;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestBean;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.trajectory.api.chart.Charts;
import io.trajectory.api.web.Answer;
import io.trajectory.api.web.SnapshotAnswers;
import io.trajectory.api.web.AreaChoice;
import io.trajectory.api.web.ExtractFormat;
import io.trajectory.api.web.GroupChoice;
import io.trajectory.api.web.Meta;
import io.trajectory.api.web.ProblemException;
import io.trajectory.api.web.RangeParameters;
import io.trajectory.warehouse.period.FiscalQuarter;
import io.trajectory.warehouse.query.ComparisonGroup;
import io.trajectory.warehouse.query.IndicatorSummary;
import io.trajectory.warehouse.query.ThemeTrendRow;
import io.trajectory.warehouse.query.TrendPoint;
import io.trajectory.warehouse.query.TrendQuery;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** How an indicator, or each theme, has moved over the quarters. */
@Controller("/api/v1/trend")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Trend")
@Produces({"application/json", ExtractFormat.CSV_TYPE, ExtractFormat.ARROW_TYPE})
public class TrendController {

    static final String INDICATOR = "an indicator reference such as LAA 5.10";

    private final SnapshotAnswers answers;
    private final TrendQuery trend;

    public TrendController(SnapshotAnswers answers, TrendQuery trend) {
        this.answers = answers;
        this.trend = trend;
    }

    @Operation(summary = "One indicator quarter by quarter: actual, trajectory, target, rating, directions, comment, "
            + "and the range read as an XmR chart (process mean and limits, special causes, variation; meta."
            + "processControl has the latest figure's variation and the assurance against the target). Every quarter "
            + "in the range is present; quarters with no figure have nulls. 'from' defaults to the snapshot's first "
            + "quarter with a return, 'to' to the latest.")
    @Get
    public Answer<List<TrendPoint>> trend(HttpRequest<?> request, @Parameter(description = INDICATOR) @QueryValue String indicator,
            @Parameter(description = "a comparison group's name: adds the group's median figure to each quarter")
            @Nullable @QueryValue String group,
            @RequestBean RangeParameters range) throws SQLException {
        if (indicator.isBlank()) {
            throw ProblemException.required("indicator", INDICATOR);
        }
        return answers.answer(request, (c, info) -> {
            IndicatorSummary d = info.indicator(indicator.strip()).orElseThrow(() -> ProblemException.notFound("indicator",
                    "No indicator '" + indicator.strip() + "' in snapshot v" + info.version()
                            + "; GET /api/v1/indicators lists them (q= searches)."));
            AreaChoice a = AreaChoice.of(range.area(), info.areas(), false);
            FiscalQuarter last = range.toOr(info.latest());
            FiscalQuarter first = range.fromOr(info.firstReported());
            RangeParameters.ordered(first, last);
            Optional<ComparisonGroup> g = GroupChoice.of(group, info);
            TrendQuery.ProcessTrend read = trend.processTrend(c, d.ref(), d.polarity(), d.accumulation(), a.key(), first, last,
                    range.basis(), g.map(ComparisonGroup::key).orElse(null));
            List<TrendPoint> points = read.points();
            Double target = points.stream().map(TrendPoint::target).filter(java.util.Objects::nonNull)
                    .reduce((x, y) -> y).orElse(null);
            Meta meta = Meta.of(info, range.basis(), points.stream().map(TrendPoint::period).toList()).withArea(a)
                    .withGroup(g.map(ComparisonGroup::name).orElse(null))
                    .withProcessControl(Meta.ProcessControl.of(read.chart(), target));
            return Answer.of(points, TrendPoint.class, "trend",
                    Charts.trend(d.ref(), d.title(), d.unit(), a.describe(), points), meta);
        });
    }

    @Operation(summary = "Per theme (and Totals) and quarter, the count and share of each rating. 'to' defaults to "
            + "the latest quarter, 'from' to four quarters before it.")
    @Get("/themes")
    public Answer<List<ThemeTrendRow>> themes(HttpRequest<?> request, @RequestBean RangeParameters range) throws SQLException {
        return answers.answer(request, (c, info) -> {
            AreaChoice a = AreaChoice.of(range.area(), info.areas(), true);
            FiscalQuarter last = range.toOr(info.latest());
            FiscalQuarter first = range.fromOr(last.minusQuarters(4));
            RangeParameters.ordered(first, last);
            List<ThemeTrendRow> rows = trend.themes(c, first, last, range.basis(), a.key());
            List<String> periods = rows.stream().map(ThemeTrendRow::period).distinct().toList();
            Meta meta = Meta.of(info, range.basis(), periods).withArea(a).withShareRule();
            return Answer.of(rows, ThemeTrendRow.class, "trend-themes", Charts.themeTrend(rows, a.describe()), meta);
        });
    }
}
