package io.trajectory.api.comparison;

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
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.trajectory.api.chart.Charts;
import io.trajectory.api.web.Answer;
import io.trajectory.api.web.SnapshotAnswers;
import io.trajectory.api.web.AreaChoice;
import io.trajectory.api.web.ExtractFormat;
import io.trajectory.api.web.Meta;
import io.trajectory.api.web.ProblemException;
import io.trajectory.api.web.QuarterParameters;
import io.trajectory.api.web.RangeParameters;
import io.trajectory.api.web.Table;
import io.trajectory.warehouse.period.FiscalQuarter;
import io.trajectory.warehouse.query.Comparison;
import io.trajectory.warehouse.query.ComparisonQuery;
import io.trajectory.warehouse.query.ComparisonRow;
import io.trajectory.warehouse.query.DataGaps;
import io.trajectory.warehouse.query.Mover;
import io.trajectory.warehouse.query.RiskSummaryQuery;
import io.trajectory.warehouse.query.RiskSummaryRow;
import io.trajectory.warehouse.query.Subject;
import io.trajectory.warehouse.query.Transition;

import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * Quarters compared: two quarters' ratings by theme, what moved between them and which items; and
 * the Indicator Risk Summary of a quarter against the quarter before and the same quarter last year.
 */
@Controller("/api/v1/comparison")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Comparison")
@Produces({"application/json", ExtractFormat.CSV_TYPE, ExtractFormat.ARROW_TYPE})
public class ComparisonController {

    static final String TABLE_FORMS = "rows, transitions or movers";
    static final long DEFAULT_MOVERS = 1000;

    private final SnapshotAnswers answers;
    private final ComparisonQuery comparison;
    private final RiskSummaryQuery riskSummary;

    public ComparisonController(SnapshotAnswers answers, ComparisonQuery comparison, RiskSummaryQuery riskSummary) {
        this.answers = answers;
        this.comparison = comparison;
        this.riskSummary = riskSummary;
    }

    @Operation(summary = "Counts and shares of each rating per theme (and Totals) in two quarters (from and to, "
            + "required), the transitions between them and the items that moved, with each one's officer and the "
            + "later quarter's commentary. The quarters need not be adjacent. Extracts carry data.rows, or "
            + "table=transitions|movers.")
    @Get
    public Answer<Comparison> compare(HttpRequest<?> request, @RequestBean RangeParameters range,
            @Parameter(description = "indicators (default) or commitments", schema = @Schema(type = "string",
                    allowableValues = {"indicators", "commitments"}, defaultValue = "indicators")) @Nullable @QueryValue
            Subject subject,
            @Parameter(description = "extracts only: rows (default), transitions or movers") @Nullable @QueryValue String table,
            @Parameter(description = "JSON: list at most this many movers (default 1000; data.moversTotal counts them all); "
                    + "the movers extract always has every one") @Nullable @QueryValue Long movers)
            throws SQLException {
        FiscalQuarter from = range.requiredFrom();
        FiscalQuarter to = range.requiredTo();
        Subject s = subject == null ? Subject.INDICATORS : subject;
        String t = table == null || table.isBlank() ? "rows" : table.strip().toLowerCase(Locale.ROOT);
        if (!List.of("rows", "transitions", "movers").contains(t)) {
            throw ProblemException.badParameter("table", "Unrecognised table '" + table.strip() + "'; expected " + TABLE_FORMS,
                    TABLE_FORMS);
        }
        if (movers != null && movers < 0) {
            throw ProblemException.badParameter("movers", "Parameter 'movers' must be a whole number, 0 or more, not "
                    + movers + ".", "a whole number, 0 or more");
        }
        // the movers extract lists every mover; JSON a readable number of them
        long limit = t.equals("movers") && ExtractFormat.of(request).isExtract() ? Long.MAX_VALUE
                : movers == null ? DEFAULT_MOVERS : movers;
        return answers.answer(request, (c, info) -> {
            AreaChoice a = s == Subject.COMMITMENTS ? AreaChoice.ALL : AreaChoice.of(range.area(), info.areas(), true);
            Comparison result = comparison.compare(c, from, to, s, range.basis(), a.key(), limit);
            Meta meta = Meta.of(info, range.basis(), List.of(from.toString(), to.toString())).withArea(a)
                    .withSubject(s.code()).withShareRule()
                    .withDataGaps(s == Subject.INDICATORS ? DataGaps.ofComparison(result.rows()) : null);
            String subjectLabel = s == Subject.COMMITMENTS ? "Commitments" : "Indicators";
            Table<?> extract = switch (t) {
                case "transitions" -> new Table<>("comparison-transitions", Transition.class, result.transitions());
                case "movers" -> new Table<>("comparison-movers", Mover.class, result.movers());
                default -> new Table<>("comparison", ComparisonRow.class, result.rows());
            };
            return new Answer<>(result, Charts.comparison(from.toString(), to.toString(), subjectLabel, result), meta, extract);
        });
    }

    @Operation(summary = "The Indicator Risk Summary: per theme (and Totals) and rating, the indicators with that "
            + "rating in a quarter (period; default the latest), the quarter before and the same quarter last year, "
            + "with shares under the share rule. An earlier quarter with no published return has null counts.")
    @Get("/risk-summary")
    public Answer<List<RiskSummaryRow>> riskSummary(HttpRequest<?> request, @RequestBean QuarterParameters quarter) throws SQLException {
        return answers.answer(request, (c, info) -> {
            FiscalQuarter q = quarter.periodOr(info.latest());
            AreaChoice a = AreaChoice.of(quarter.area(), info.areas(), true);
            List<RiskSummaryRow> rows = riskSummary.summary(c, q, quarter.basis(), a.key());
            Meta meta = Meta.of(info, quarter.basis(),
                    List.of(q.sameQuarterLastYear().toString(), q.previous().toString(), q.toString()))
                    .withArea(a).withShareRule().withDataGaps(DataGaps.ofRiskSummary(rows));
            return Answer.of(rows, RiskSummaryRow.class, "risk-summary", Charts.riskSummary(rows), meta);
        });
    }
}
