package io.trajectory.api.catalogue;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.trajectory.api.chart.Charts;
import io.trajectory.api.web.Answer;
import io.trajectory.api.web.SnapshotAnswers;
import io.trajectory.api.web.ExtractFormat;
import io.trajectory.api.web.Meta;
import io.trajectory.api.web.ProblemException;
import io.trajectory.api.web.Table;
import io.trajectory.warehouse.query.CatalogueQuery;
import io.trajectory.warehouse.query.AreaRow;
import io.trajectory.warehouse.query.ComparisonGroup;
import io.trajectory.warehouse.query.IndicatorDetail;
import io.trajectory.warehouse.query.IndicatorSummary;
import io.trajectory.warehouse.query.PeriodRow;
import io.trajectory.warehouse.query.ThemeRow;
import io.trajectory.warehouse.query.TrajectoryPoint;

import java.sql.SQLException;
import java.util.List;

/** What the snapshot holds: quarters, themes, indicators and one indicator's definition. */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Catalogue")
@Produces({"application/json", ExtractFormat.CSV_TYPE, ExtractFormat.ARROW_TYPE})
public class CatalogueController {

    private final SnapshotAnswers answers;
    private final CatalogueQuery catalogue;

    public CatalogueController(SnapshotAnswers answers, CatalogueQuery catalogue) {
        this.answers = answers;
        this.catalogue = catalogue;
    }

    @Operation(summary = "The quarters of the snapshot, oldest first, with each return's sign-off")
    @Get("/periods")
    public Answer<List<PeriodRow>> periods(HttpRequest<?> request) throws SQLException {
        return answers.answer(request, (c, info) -> Answer.of(info.periods(), PeriodRow.class, "periods", Charts.periods(info.periods()),
                Meta.of(info, null, info.periods().stream().map(PeriodRow::period).toList())));
    }

    @Operation(summary = "The themes (blocks) of the agreement in report order")
    @Get("/themes")
    public Answer<List<ThemeRow>> themes(HttpRequest<?> request) throws SQLException {
        return answers.answer(request, (c, info) -> Answer.of(info.themes(), ThemeRow.class, "themes", Charts.themes(info.themes()),
                Meta.of(info, null, List.of())));
    }

    @Operation(summary = "The areas figures are reported for: code (blank = the whole authority), name, kind, the area "
            + "each lies within, and whether any published figure is for it")
    @Get("/areas")
    public Answer<List<AreaRow>> areas(HttpRequest<?> request) throws SQLException {
        return answers.answer(request, (c, info) -> Answer.of(info.areas(), AreaRow.class, "areas", Charts.areas(info.areas()),
                Meta.of(info, null, List.of())));
    }

    @Operation(summary = "The comparison groups of similar areas (definitions/comparison_groups.csv) and their members")
    @Get("/comparison-groups")
    public Answer<List<ComparisonGroup>> groups(HttpRequest<?> request) throws SQLException {
        return answers.answer(request, (c, info) -> Answer.of(info.groups(), ComparisonGroup.class, "comparison-groups",
                Charts.groups(info.groups()), Meta.of(info, null, List.of())));
    }

    @Operation(summary = "Indicators (current definitions), optionally one theme and a search text")
    @Get("/indicators")
    public Answer<List<IndicatorSummary>> indicators(HttpRequest<?> request, 
            @Parameter(description = "theme name, case-insensitive") @Nullable @QueryValue String theme,
            @Parameter(description = "text found in the reference, national code or title") @Nullable @QueryValue String q)
            throws SQLException {
        return answers.answer(request, (c, info) -> {
            List<IndicatorSummary> rows = catalogue.indicators(c, theme, q);
            return Answer.of(rows, IndicatorSummary.class, "indicators", Charts.indicators(rows), Meta.of(info, null, List.of()));
        });
    }

    @Operation(summary = "One indicator: definition, targets, planned trajectory and history of changes; "
            + "extracts carry the trajectory")
    @Get("/indicators/{ref}")
    public Answer<IndicatorDetail> indicator(HttpRequest<?> request, 
            @Parameter(description = "the indicator's reference, e.g. LAA 5.10") @PathVariable String ref)
            throws SQLException {
        return answers.answer(request, (c, info) -> {
            IndicatorDetail d = catalogue.indicator(c, ref).orElseThrow(() -> ProblemException.notFound("ref",
                    "No indicator '" + ref + "' in snapshot v" + info.version()
                            + "; GET /api/v1/indicators lists them (q= searches)."));
            Meta meta = Meta.of(info, null, d.trajectory().stream().map(TrajectoryPoint::period).toList());
            return new Answer<>(d, Charts.indicator(d), meta,
                    new Table<>("indicator-trajectory", TrajectoryPoint.class, d.trajectory()));
        });
    }
}
