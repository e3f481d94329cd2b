package io.trajectory.api.commitments;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.trajectory.api.chart.Charts;
import io.trajectory.api.web.Answer;
import io.trajectory.api.web.SnapshotAnswers;
import io.trajectory.api.web.ExtractFormat;
import io.trajectory.api.web.Meta;
import io.trajectory.warehouse.period.FiscalQuarter;
import io.trajectory.warehouse.query.Basis;
import io.trajectory.warehouse.query.CommitmentRow;
import io.trajectory.warehouse.query.CommitmentsQuery;
import io.trajectory.warehouse.rating.Rating;

import java.sql.SQLException;
import java.util.List;

/** The commitments report for a quarter. */
@Controller("/api/v1/commitments")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Commitments")
@Produces({"application/json", ExtractFormat.CSV_TYPE, ExtractFormat.ARROW_TYPE})
public class CommitmentsController {

    private final SnapshotAnswers answers;
    private final CommitmentsQuery commitments;

    public CommitmentsController(SnapshotAnswers answers, CommitmentsQuery commitments) {
        this.answers = answers;
        this.commitments = commitments;
    }

    @Operation(summary = "Each commitment's status in a quarter, the previous status the report states and the one "
            + "last quarter's report recorded")
    @Get
    public Answer<List<CommitmentRow>> commitments(HttpRequest<?> request, 
            @Parameter(description = "the quarter, any spelling (2007/08 Q1, Q1 2007/08, 20071, ...)",
                    schema = @Schema(type = "string", example = "2008/09 Q2")) @QueryValue
            FiscalQuarter period,
            @Parameter(description = "only this status, e.g. RED") @Nullable @QueryValue Rating rating) throws SQLException {
        return answers.answer(request, (c, info) -> {
            List<CommitmentRow> rows = commitments.commitments(c, period, rating);
            return Answer.of(rows, CommitmentRow.class, "commitments", Charts.commitments(period.toString(), rows),
                    Meta.of(info, Basis.LATEST, List.of(period.toString())));
        });
    }
}
