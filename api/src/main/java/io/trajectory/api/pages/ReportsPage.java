package io.trajectory.api.pages;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.RequestBean;
import io.micronaut.http.server.types.files.SystemFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Hidden;
import io.trajectory.api.snapshot.AnswerKey;
import io.trajectory.api.snapshot.LiveSnapshot;
import io.trajectory.api.web.ProblemException;
import io.trajectory.api.web.QuarterParameters;
import io.trajectory.warehouse.period.FiscalQuarter;
import io.trajectory.warehouse.query.CommitmentGroup;
import io.trajectory.warehouse.query.CommitmentRow;
import io.trajectory.warehouse.query.QuarterlyPack;

import java.sql.SQLException;
import java.util.List;

/**
 * The committee's papers: the quarterly report pack of a quarter (the latest by default) as a
 * page, a PDF (A4 portrait) and a .docx; the commitments report of any quarter; and the packs
 * written after each refresh, under {@code /reports}.
 */
@Hidden
@Controller("/reports")
@PageController
@ExecuteOn(TaskExecutors.BLOCKING)
public class ReportsPage {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private final Pages pages;
    private final PackReports reports;
    private final PackArchive archive;
    private final LiveSnapshot snapshot;

    public ReportsPage(Pages pages, PackReports reports, PackArchive archive, LiveSnapshot snapshot) {
        this.pages = pages;
        this.snapshot = snapshot;
        this.reports = reports;
        this.archive = archive;
    }

    @Get(produces = "text/html")
    public HttpResponse<?> list(HttpRequest<?> request) throws SQLException {
        return pages.renderFresh(request, "reports", (c, info) -> new ListModel(archive.written(), info.latestPeriod()));
    }

    @Get(uri = "/files/{name}")
    public SystemFile file(@PathVariable String name) {
        return archive.file(name).map(f -> new SystemFile(f.toFile()).attach(name))
                .orElseThrow(() -> ProblemException.notFound("name", "No written report is called '" + name + "'."));
    }

    @Get(uri = "/quarterly", produces = "text/html")
    public HttpResponse<?> quarterly(HttpRequest<?> request, @RequestBean QuarterParameters quarter) throws SQLException {
        return pages.render(request, "quarterly", (c, info) -> reports.page(
                reports.pack(c, info, quarter.periodOr(info.latest()), quarter.basis()), pages, false));
    }

    @Get(uri = "/quarterly.pdf", produces = "application/pdf")
    public HttpResponse<byte[]> pdf(HttpRequest<?> request, @RequestBean QuarterParameters quarter) throws SQLException {
        // kept with the snapshot: drawing the charts and laying out the pages takes seconds
        return snapshot.answer(AnswerKey.of(request), (c, info) -> {
            QuarterlyPack pack = reports.pack(c, info, quarter.periodOr(info.latest()), quarter.basis());
            return new Attachment(reports.pdf(pack, reports.frame(pages, request, info, pack)), MediaType.of("application/pdf"),
                    "quarterly-" + FiscalQuarter.parse(pack.period()).folderName() + ".pdf");
        }).response();
    }

    @Get(uri = "/quarterly.docx", produces = DOCX)
    public HttpResponse<byte[]> docx(HttpRequest<?> request, @RequestBean QuarterParameters quarter) throws SQLException {
        return snapshot.answer(AnswerKey.of(request), (c, info) -> {
            QuarterlyPack pack = reports.pack(c, info, quarter.periodOr(info.latest()), quarter.basis());
            return new Attachment(reports.docx(pack), MediaType.of(DOCX),
                    "quarterly-" + FiscalQuarter.parse(pack.period()).folderName() + ".docx");
        }).response();
    }

    @Get(uri = "/commitments", produces = "text/html")
    public HttpResponse<?> commitments(HttpRequest<?> request, @RequestBean QuarterParameters quarter) throws SQLException {
        return pages.render(request, "commitments-report", (c, info) -> {
            FiscalQuarter q = quarter.periodOr(info.latest());
            List<CommitmentGroup> groups = reports.commitments(c, info, q);
            long differ = groups.stream().flatMap(g -> g.commitments().stream())
                    .filter(CommitmentRow::previousRatingsDisagree).count();
            return new CommitmentsModel(q.toString(), q.previous().toString(), groups, differ);
        });
    }

    /** A report file worked out on one snapshot; its bytes are never changed once made. */
    private record Attachment(byte[] body, MediaType type, String name) {
        HttpResponse<byte[]> response() {
            return HttpResponse.ok(body).contentType(type).header("Content-Disposition", "inline; filename=\"" + name + "\"");
        }
    }

    /** The packs written after refreshes, and the latest quarter (whose pack can be opened now). */
    public record ListModel(List<PackArchive.Written> written, String latest) implements Page {

        @Override
        public String title() {
            return "Reports";
        }
    }

    /**
     * The commitments report of a quarter: every section, every commitment in it.
     *
     * @param differ how many commitments' stated previous status differs from the one last quarter's report recorded
     */
    public record CommitmentsModel(String period, String previous, List<CommitmentGroup> groups, long differ)
            implements Page {

        @Override
        public String title() {
            return "Commitments report, " + period;
        }

        /** Whether this report's statements of last quarter's status agree with last quarter's report. */
        public String differSentence() {
            return differ == 0
                    ? "For every commitment, the status this report states for last quarter is the one " + previous
                    + "'s report recorded."
                    : differ + (differ == 1 ? " commitment states" : " commitments state") + " a previous status that "
                    + "differs from the one " + previous + "'s report recorded; both are shown, highlighted.";
        }
    }
}
