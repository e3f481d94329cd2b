package io.trajectory.api.comparison;

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
import io.trajectory.api.web.ExtractFormat;
import io.trajectory.api.web.Meta;
import io.trajectory.api.web.Params;
import io.trajectory.api.web.ProblemException;
import io.trajectory.api.web.Respond;
import io.trajectory.warehouse.period.FiscalQuarter;
import io.trajectory.warehouse.query.Basis;
import io.trajectory.warehouse.query.Comparison;
import io.trajectory.warehouse.query.ComparisonQuery;
import io.trajectory.warehouse.query.ComparisonRow;
import io.trajectory.warehouse.query.Mover;
import io.trajectory.warehouse.query.Subject;
import io.trajectory.warehouse.query.Transition;

import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/** Two quarters compared: the risk-summary table, what moved between ratings, and which items. */
@Controller("/api/v1/comparison")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Comparison")
@Produces({"application/json", "text/csv", "application/vnd.apache.arrow.stream"})
public class ComparisonController {

    static final String TABLE_FORMS = "rows, transitions or movers";
    static final long DEFAULT_MOVERS = 1000;

    private final LiveSnapshot snapshot;
    private final ComparisonQuery comparison;

    public ComparisonController(LiveSnapshot snapshot, ComparisonQuery comparison) {
        this.snapshot = snapshot;
        this.comparison = comparison;
    }

    @Operation(summary = "Counts and shares of each rating per theme (and Totals) in two quarters, the transitions "
            + "between them and the items that moved. The quarters need not be adjacent. Extracts carry data.rows, "
            + "or table=transitions|movers.")
    @Get("{?from,to,subject,basis,area,table,movers}")
    public HttpResponse<?> compare(HttpRequest<?> request,
            @Parameter(description = "first quarter (any spelling)") @Nullable @QueryValue String from,
            @Parameter(description = "second quarter (any spelling)") @Nullable @QueryValue String to,
            @Parameter(description = "indicators (default) or commitments") @Nullable @QueryValue String subject,
            @Parameter(description = "latest or as-reported") @Nullable @QueryValue String basis,
            @Parameter(description = "area code; blank = the whole authority; all = every area together") @Nullable @QueryValue String area,
            @Parameter(description = "extracts only: rows (default), transitions or movers") @Nullable @QueryValue String table,
            @Parameter(description = "JSON: list at most this many movers (default 1000; data.moversTotal counts them all); "
                    + "the movers extract always has every one") @Nullable @QueryValue String movers)
            throws SQLException {
        FiscalQuarter p1 = Params.period("from", from);
        FiscalQuarter p2 = Params.period("to", to);
        Subject s = Params.subject(subject);
        Basis b = Params.basis(basis);
        String t = table == null || table.isBlank() ? "rows" : table.strip().toLowerCase(Locale.ROOT);
        if (!List.of("rows", "transitions", "movers").contains(t)) {
            throw ProblemException.badParameter("table", "Unrecognised table '" + table.strip() + "'; expected " + TABLE_FORMS,
                    TABLE_FORMS);
        }
        long moversLimit = t.equals("movers") && ExtractFormat.of(request).isExtract()
                ? Long.MAX_VALUE : Params.count("movers", movers, DEFAULT_MOVERS);
        return snapshot.query((c, info) -> {
            Params.AreaChoice a = s == Subject.COMMITMENTS
                    ? new Params.AreaChoice(null, "all")
                    : Params.area(area, info.areas(), true);
            Comparison result = comparison.compare(c, p1, p2, s, b, a.key(), moversLimit);
            Meta meta = Meta.of(info, b.code(), List.of(p1.toString(), p2.toString())).withArea(a.label())
                    .withSubject(s.code()).withShareRule();
            String subjectLabel = s == Subject.COMMITMENTS ? "Commitments" : "Indicators";
            Answer<Comparison> answer = new Answer<>(result,
                    Charts.comparison(p1.toString(), p2.toString(), subjectLabel, result), meta);
            return switch (t) {
                case "transitions" -> Respond.with(request, answer, result.transitions(), Transition.class, "comparison-transitions");
                case "movers" -> Respond.with(request, answer, result.movers(), Mover.class, "comparison-movers");
                default -> Respond.with(request, answer, result.rows(), ComparisonRow.class, "comparison");
            };
        });
    }
}
