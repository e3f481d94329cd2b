package io.trajectory.api.refresh;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.trajectory.api.snapshot.LiveSnapshot;
import io.trajectory.api.web.Answer;
import io.trajectory.api.web.ExtractFormat;
import io.trajectory.api.web.Meta;
import io.trajectory.api.web.ProblemException;
import io.trajectory.api.web.Table;

import java.util.List;

/** The refresh history, and running a refresh now (admin). */
@Controller("/api/v1/refreshes")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Refresh")
@Produces({"application/json", ExtractFormat.CSV_TYPE, ExtractFormat.ARROW_TYPE})
public class RefreshController {

    private final RefreshService refreshes;
    private final LiveSnapshot live;

    public RefreshController(RefreshService refreshes, LiveSnapshot live) {
        this.refreshes = refreshes;
        this.live = live;
    }

    @Operation(summary = "Every refresh, newest first: start, end, outcome, rows loaded and quarantined, message")
    @Get
    public Answer<List<RefreshRun>> history() {
        List<RefreshRun> rows = refreshes.history();
        return Answer.of(rows, RefreshRun.class, "refreshes", RefreshChart.of(rows), meta());
    }

    @Operation(summary = "One refresh")
    @Get("/{id}")
    public Answer<RefreshRun> one(@PathVariable String id) {
        RefreshRun run = refreshes.find(id).orElseThrow(() -> ProblemException.notFound("id", "No refresh '" + id + "'."));
        return answer(run);
    }

    @Operation(summary = "Run a refresh now (admin): 202 with the run; GET its address to follow it")
    @Post
    public HttpResponse<Answer<RefreshRun>> start(@Nullable Authentication who) {
        RefreshRun run = refreshes.start("REQUESTED", who == null ? null : who.getName());
        return HttpResponse.accepted().header(HttpHeaders.LOCATION, "/api/v1/refreshes/" + run.id()).body(answer(run));
    }

    private Answer<RefreshRun> answer(RefreshRun run) {
        return new Answer<>(run, RefreshChart.of(List.of(run)), meta(), new Table<>("refresh", RefreshRun.class, List.of(run)));
    }

    private Meta meta() {
        return live.info().map(i -> Meta.of(i, null, List.of()))
                .orElse(new Meta(0, null, null, List.of(), null, null, null, null, null, null, null));
    }
}
