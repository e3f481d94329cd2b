package io.trajectory.api.commitments;

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
import io.trajectory.api.web.Respond;
import io.trajectory.warehouse.period.FiscalQuarter;
import io.trajectory.warehouse.query.CommitmentRow;
import io.trajectory.warehouse.query.CommitmentsQuery;
import io.trajectory.warehouse.rating.Rating;

import java.sql.SQLException;
import java.util.List;

/** The commitments report for a quarter. */
@Controller("/api/v1/commitments")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Commitments")
@Produces({"application/json", "text/csv", "application/vnd.apache.arrow.stream"})
public class CommitmentsController {

    private final LiveSnapshot snapshot;
    private final CommitmentsQuery commitments;

    public CommitmentsController(LiveSnapshot snapshot, CommitmentsQuery commitments) {
        this.snapshot = snapshot;
        this.commitments = commitments;
    }

    @Operation(summary = "Each commitment's status in a quarter, the previous status the report states and the one "
            + "last quarter's report recorded")
    @Get("{?period,rating}")
    public HttpResponse<?> commitments(HttpRequest<?> request,
            @Parameter(description = "the quarter (any spelling)") @Nullable @QueryValue String period,
            @Parameter(description = "only this status, e.g. RED") @Nullable @QueryValue String rating) throws SQLException {
        FiscalQuarter p = Params.period("period", period);
        Rating r = Params.rating(rating);
        return snapshot.query((c, info) -> {
            List<CommitmentRow> rows = commitments.commitments(c, p, r);
            Meta meta = Meta.of(info, "latest", List.of(p.toString()));
            return Respond.with(request, new Answer<>(rows, Charts.commitments(p.toString(), rows), meta), rows,
                    CommitmentRow.class, "commitments");
        });
    }
}
