package io.trajectory.api.catalogue;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
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
import io.trajectory.api.snapshot.LiveSnapshot;
import io.trajectory.api.web.Answer;
import io.trajectory.api.web.Meta;
import io.trajectory.api.web.ProblemException;
import io.trajectory.api.web.Respond;
import io.trajectory.warehouse.query.CatalogueQuery;
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
@Produces({"application/json", "text/csv", "application/vnd.apache.arrow.stream"})
public class CatalogueController {

    private final LiveSnapshot snapshot;
    private final CatalogueQuery catalogue;

    public CatalogueController(LiveSnapshot snapshot, CatalogueQuery catalogue) {
        this.snapshot = snapshot;
        this.catalogue = catalogue;
    }

    @Operation(summary = "The quarters of the snapshot, oldest first, with each return's sign-off")
    @Get("/periods")
    public HttpResponse<?> periods(HttpRequest<?> request) throws SQLException {
        return snapshot.query((c, info) -> {
            List<PeriodRow> rows = info.periods();
            Meta meta = Meta.of(info, null, rows.stream().map(PeriodRow::period).toList());
            return Respond.with(request, new Answer<>(rows, Charts.periods(rows), meta), rows, PeriodRow.class, "periods");
        });
    }

    @Operation(summary = "The themes (blocks) of the agreement in report order")
    @Get("/themes")
    public HttpResponse<?> themes(HttpRequest<?> request) throws SQLException {
        return snapshot.query((c, info) -> {
            List<ThemeRow> rows = info.themes();
            Meta meta = Meta.of(info, null, List.of());
            return Respond.with(request, new Answer<>(rows, Charts.themes(rows), meta), rows, ThemeRow.class, "themes");
        });
    }

    @Operation(summary = "Indicators (current definitions), optionally one theme and a search text")
    @Get("/indicators{?theme,q}")
    public HttpResponse<?> indicators(HttpRequest<?> request,
            @Parameter(description = "theme name, case-insensitive") @Nullable @QueryValue String theme,
            @Parameter(description = "text found in the reference, national code or title") @Nullable @QueryValue String q)
            throws SQLException {
        return snapshot.query((c, info) -> {
            List<IndicatorSummary> rows = catalogue.indicators(c, theme, q);
            Meta meta = Meta.of(info, null, List.of());
            return Respond.with(request, new Answer<>(rows, Charts.indicators(rows), meta), rows, IndicatorSummary.class,
                    "indicators");
        });
    }

    @Operation(summary = "One indicator: definition, targets, planned trajectory and history of changes; "
            + "extracts carry the trajectory")
    @Get("/indicators/{ref}")
    public HttpResponse<?> indicator(HttpRequest<?> request,
            @Parameter(description = "the indicator's reference, e.g. LAA 5.10") @PathVariable String ref)
            throws SQLException {
        return snapshot.query((c, info) -> {
            IndicatorDetail d = catalogue.indicator(c, ref).orElseThrow(() -> ProblemException.notFound("ref",
                    "No indicator '" + ref + "' in snapshot v" + info.version()
                            + "; GET /api/v1/indicators lists them (q= searches)."));
            Meta meta = Meta.of(info, null, d.trajectory().stream().map(TrajectoryPoint::period).toList());
            return Respond.with(request, new Answer<>(d, Charts.indicator(d), meta), d.trajectory(), TrajectoryPoint.class,
                    "indicator-trajectory");
        });
    }
}
