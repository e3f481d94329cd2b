package io.trajectory.api.benchmark;

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
import io.trajectory.api.web.QuarterParameters;
import io.trajectory.api.web.Table;
import io.trajectory.warehouse.period.FiscalQuarter;
import io.trajectory.warehouse.query.AreaRow;
import io.trajectory.warehouse.query.Benchmark;
import io.trajectory.warehouse.query.BenchmarkQuery;
import io.trajectory.warehouse.query.BenchmarkRow;
import io.trajectory.warehouse.query.ComparisonGroup;
import io.trajectory.warehouse.query.IndicatorSummary;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** How an area compares with similar areas, or every area of its kind, on one indicator in one quarter. */
@Controller("/api/v1/benchmark")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Benchmark")
@Produces({"application/json", ExtractFormat.CSV_TYPE, ExtractFormat.ARROW_TYPE})
public class BenchmarkController {

    static final String INDICATOR = "an indicator reference such as LAA 5.10";

    private final SnapshotAnswers answers;
    private final BenchmarkQuery benchmarks;

    public BenchmarkController(SnapshotAnswers answers, BenchmarkQuery benchmarks) {
        this.answers = answers;
        this.benchmarks = benchmarks;
    }

    @Operation(summary = "Every area with a figure in the comparison set, ranked by the indicator's polarity (1 = best; "
            + "ties share the better rank), with its quartile (1 = best quarter), and the set's median, quartiles, best "
            + "and worst. The set is the comparison group when 'group' is given, else every area of the same kind as "
            + "'area' (every area but the whole authority when no area is given). 'period' defaults to the latest "
            + "quarter. Extracts carry data.rows.")
    @Get
    public Answer<Benchmark> benchmark(HttpRequest<?> request, @Parameter(description = INDICATOR) @QueryValue String indicator,
            @Parameter(description = "a comparison group's name (definitions/comparison_groups.csv); blank = every "
                    + "area of the chosen area's kind") @Nullable @QueryValue String group,
            @RequestBean QuarterParameters quarter) throws SQLException {
        if (indicator.isBlank()) {
            throw ProblemException.required("indicator", INDICATOR);
        }
        return answers.answer(request, (c, info) -> {
            IndicatorSummary d = info.indicator(indicator.strip()).orElseThrow(() -> ProblemException.notFound("indicator",
                    "No indicator '" + indicator.strip() + "' in snapshot v" + info.version()
                            + "; GET /api/v1/indicators lists them (q= searches)."));
            Optional<ComparisonGroup> g = GroupChoice.of(group, info);
            Optional<AreaRow> focus = quarter.area() == null || quarter.area().isBlank() ? Optional.empty()
                    : info.area(AreaChoice.of(quarter.area(), info.areas(), false).label());
            FiscalQuarter p = quarter.periodOr(info.latest());
            String areaType = g.isPresent() ? null : focus.map(AreaRow::type).orElse(null);
            Benchmark b = benchmarks.benchmark(c, d.ref(), p, quarter.basis(), g.map(ComparisonGroup::key).orElse(null),
                    areaType, focus.map(AreaRow::code).orElse(null));
            String set = g.map(x -> "the comparison group " + x.name())
                    .orElse(areaType == null ? "every area" : "every " + areaType);
            Meta meta = Meta.of(info, quarter.basis(), List.of(p.toString()))
                    .withGroup(g.map(ComparisonGroup::name).orElse(null));
            if (focus.isPresent()) {
                meta = meta.withArea(new AreaChoice(focus.get().key(), focus.get().code()));
            }
            return new Answer<>(b, Charts.benchmark(d.ref(), d.title(), d.unit(), p.toString(), set, b), meta,
                    new Table<>("benchmark", BenchmarkRow.class, b.rows()));
        });
    }
}
