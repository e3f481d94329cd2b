package io.trajectory.api.gap;

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
import io.trajectory.api.web.Meta;
import io.trajectory.api.web.ProblemException;
import io.trajectory.api.web.QuarterParameters;
import io.trajectory.warehouse.period.FiscalQuarter;
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
@Produces({"application/json", ExtractFormat.CSV_TYPE, ExtractFormat.ARROW_TYPE})
public class TrajectoryGapController {

    private final SnapshotAnswers answers;
    private final TrajectoryGapQuery gaps;

    public TrajectoryGapController(SnapshotAnswers answers, TrajectoryGapQuery gaps) {
        this.answers = answers;
        this.gaps = gaps;
    }

    @Operation(summary = "Every indicator in force in a quarter (period, required): gaps to the planned value, "
            + "stretch trajectory and reward threshold (positive = ahead), the officer's rating and the computed one")
    @Get
    public Answer<List<GapRow>> gap(HttpRequest<?> request, @RequestBean QuarterParameters quarter,
            @Parameter(description = "theme name; default every theme") @Nullable @QueryValue String theme)
            throws SQLException {
        FiscalQuarter p = quarter.requiredPeriod();
        return answers.answer(request, (c, info) -> {
            if (theme != null && !theme.isBlank()
                    && info.themes().stream().noneMatch(t -> t.theme().equalsIgnoreCase(theme.strip()))) {
                String known = info.themes().stream().map(ThemeRow::theme).collect(Collectors.joining(", "));
                throw ProblemException.badParameter("theme", "Unknown theme '" + theme.strip() + "'.", known);
            }
            AreaChoice a = AreaChoice.of(quarter.area(), info.areas(), false);
            List<GapRow> rows = gaps.gaps(c, p, theme, quarter.basis(), a.key());
            Meta meta = Meta.of(info, quarter.basis(), List.of(p.toString())).withArea(a)
                    .withRatingRule(gaps.rule().name() + ": " + gaps.rule().description());
            return Answer.of(rows, GapRow.class, "trajectory-gap", Charts.gap(p.toString(), rows, a.describe()), meta);
        });
    }
}
