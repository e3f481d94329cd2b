package io.trajectory.api.gap;

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
import io.trajectory.api.trend.TrendController;
import io.trajectory.api.web.Answer;
import io.trajectory.api.web.Meta;
import io.trajectory.api.web.Params;
import io.trajectory.api.web.ProblemException;
import io.trajectory.api.web.Respond;
import io.trajectory.warehouse.period.FiscalQuarter;
import io.trajectory.warehouse.query.Basis;
import io.trajectory.warehouse.query.GapRow;
import io.trajectory.warehouse.query.ThemeRow;
import io.trajectory.warehouse.query.TrajectoryGapQuery;

import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;

/** Where each indicator is against where it planned to be, and whether its rating fits the numbers. */
@Controller("/api/v1/trajectory-gap")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Trajectory gap")
@Produces({"application/json", "text/csv", "application/vnd.apache.arrow.stream"})
public class TrajectoryGapController {

    private final LiveSnapshot snapshot;
    private final TrajectoryGapQuery gaps;

    public TrajectoryGapController(LiveSnapshot snapshot, TrajectoryGapQuery gaps) {
        this.snapshot = snapshot;
        this.gaps = gaps;
    }

    @Operation(summary = "Every indicator in force in a quarter: gaps to the planned value, stretch trajectory and "
            + "reward threshold (positive = ahead), the officer's rating and the computed one")
    @Get("{?period,theme,basis,area}")
    public HttpResponse<?> gap(HttpRequest<?> request,
            @Parameter(description = "the quarter (any spelling)") @Nullable @QueryValue String period,
            @Parameter(description = "theme name; default every theme") @Nullable @QueryValue String theme,
            @Parameter(description = "latest or as-reported") @Nullable @QueryValue String basis,
            @Parameter(description = "area code; blank = the whole authority") @Nullable @QueryValue String area)
            throws SQLException {
        FiscalQuarter p = Params.period("period", period);
        Basis b = Params.basis(basis);
        return snapshot.query((c, info) -> {
            if (theme != null && !theme.isBlank()) {
                List<ThemeRow> themes = info.themes();
                if (themes.stream().noneMatch(t -> t.theme().equalsIgnoreCase(theme.strip()))) {
                    String known = themes.stream().map(ThemeRow::theme).collect(Collectors.joining(", "));
                    throw ProblemException.badParameter("theme", "Unknown theme '" + theme.strip() + "'.", known);
                }
            }
            Params.AreaChoice a = Params.area(area, info.areas(), false);
            List<GapRow> rows = gaps.gaps(c, p, theme, b, a.key());
            Meta meta = Meta.of(info, b.code(), List.of(p.toString())).withArea(a.label())
                    .withRatingRule(gaps.rule().name() + ": " + gaps.rule().description());
            return Respond.with(request, new Answer<>(rows, Charts.gap(p.toString(), rows, TrendController.areaLabel(a)), meta),
                    rows, GapRow.class, "trajectory-gap");
        });
    }
}
