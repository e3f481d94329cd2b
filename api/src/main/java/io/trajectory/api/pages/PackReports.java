package io.trajectory.api.pages;

import io.micronaut.http.HttpRequest;
import io.trajectory.api.chart.Charts;
import io.trajectory.api.reports.ChartSvg;
import io.trajectory.api.reports.DocxDocument;
import io.trajectory.api.reports.PackSummary;
import io.trajectory.api.reports.PdfDocument;
import io.trajectory.api.reports.ReportConfig;
import io.trajectory.api.snapshot.Served;
import io.trajectory.api.web.AreaChoice;
import io.trajectory.api.web.ProblemException;
import io.trajectory.warehouse.period.FiscalQuarter;
import io.trajectory.warehouse.query.Basis;
import io.trajectory.warehouse.query.CommitmentGroup;
import io.trajectory.warehouse.query.CommitmentSection;
import io.trajectory.warehouse.query.CommitmentsQuery;
import io.trajectory.warehouse.query.PeriodRow;
import io.trajectory.warehouse.query.QuarterlyPack;
import io.trajectory.warehouse.query.QuarterlyPackQuery;
import io.trajectory.warehouse.query.RiskSummaryRow;
import io.trajectory.warehouse.rating.Rating;
import jakarta.inject.Singleton;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The quarterly report pack and the commitments report, worked out from the warehouse
 * ({@link QuarterlyPackQuery}) and shown three ways: as a page, as a PDF (the page's print
 * version, A4 portrait, charts drawn on the server as SVG) and as a .docx.
 */
@Singleton
public final class PackReports {

    static final String PRINT_VIEW = "quarterly-print";

    private final QuarterlyPackQuery packs;
    private final CommitmentsQuery commitments;
    private final ReportConfig config;
    private final ChartSvg svg;
    private final TemplateEngine templates;

    public PackReports(QuarterlyPackQuery packs, CommitmentsQuery commitments, ReportConfig config, ChartSvg svg,
            TemplateEngine templates) {
        this.packs = packs;
        this.commitments = commitments;
        this.config = config;
        this.svg = svg;
        this.templates = templates;
    }

    /** The pack of {@code period} for the whole authority. */
    QuarterlyPack pack(Connection c, Served info, FiscalQuarter period, Basis basis) throws SQLException {
        PeriodRow quarter = published(info, period);
        return packs.pack(c, quarter, period.minusQuarters(config.processQuarters() - 1L), basis,
                AreaChoice.wholeAuthority(info.areas()).key(), "", config.rule());
    }

    /** Every section of {@code period}'s commitments report, each with every commitment in it. */
    List<CommitmentGroup> commitments(Connection c, Served info, FiscalQuarter period) throws SQLException {
        published(info, period);
        return CommitmentSection.group(commitments.commitments(c, period, null), period);
    }

    /** The page's model; {@code print} draws the chart as SVG (for the PDF), else it is embedded for vega. */
    PackPage page(QuarterlyPack pack, Pages pages, boolean print) {
        List<Rating> ratings = RatingBadge.summaryColumns(pack.riskSummary().stream()
                .anyMatch(r -> r.rating() == Rating.ACHIEVED && (r.count() > 0 || nonZero(r.previousCount()))));
        String query = "?period=" + pack.period().replace(' ', '+').replace("/", "%2F") + "&basis=" + pack.basis();
        var spec = Charts.riskSummary(pack.riskSummary());
        String summary = "Bar charts of the risk summary table: for each theme, the number of indicators of each "
                + "rating in " + pack.riskSummary().stream().findFirst().map(RiskSummaryRow::lastYearPeriod).orElse("")
                + ", " + pack.previousPeriod() + " and " + pack.period() + ".";
        return new PackPage(pack, PackSummary.sentences(pack), PackSummary.signOff(pack), PackSummary.shareRule(pack),
                ratings, lines(pack.riskSummary(), ratings), print ? null : pages.chart("risk-summary", spec, summary,
                "/risk-summary.csv" + query), print ? svg.svg(spec) : null, summary, print,
                "/reports/quarterly.pdf" + query, "/reports/quarterly.docx" + query,
                "/reports/commitments?period=" + pack.period().replace(' ', '+').replace("/", "%2F"));
    }

    /** The pack as a PDF: its print page laid out on A4. */
    byte[] pdf(QuarterlyPack pack, Frame frame) {
        return PdfDocument.of(xhtml(pack, frame), null);
    }

    /** The pack's print page: a self-contained XHTML document, charts inline. */
    String xhtml(QuarterlyPack pack, Frame frame) {
        Context context = new Context(Locale.UK);
        context.setVariable("fmt", Formats.INSTANCE);
        context.setVariable("frame", frame);
        context.setVariable("page", page(pack, null, true));
        return templates.process(PRINT_VIEW, context);
    }

    byte[] docx(QuarterlyPack pack) {
        return DocxDocument.of(pack, ChartSvg.png(svg.svg(Charts.riskSummary(pack.riskSummary()))));
    }

    /** The frame of a pack printed without a request (after a refresh): its address is the page's own. */
    static Frame frame(Served info, QuarterlyPack pack, String here) {
        return new Frame(title(pack.period()), here, info.info(), null, info.publishedQuarters(),
                List.of(), null, List.of(), null, List.of(), List.of(), false);
    }

    static String title(String period) {
        return "Quarterly performance report, " + period;
    }

    Frame frame(Pages pages, HttpRequest<?> request, Served info, QuarterlyPack pack) {
        return pages.frame(request, info, new Printed(title(pack.period()), pack.period()));
    }

    /** The printed pack, as a page: its quarter pinned in the printed address. */
    private record Printed(String title, String period) implements Page {
        @Override
        public Map<String, String> pinned() {
            return Map.of("period", period);
        }

        @Override
        public List<String> quartersShown() {
            return List.of(period);
        }
    }

    /** The quarter's row, if it has a published return; otherwise a clear "no return for this quarter". */
    private static PeriodRow published(Served info, FiscalQuarter period) {
        return info.periods().stream().filter(p -> p.key() == period.key() && p.published()).findFirst()
                .orElseThrow(() -> ProblemException.notFound("period", "There is no return for " + period
                        + " in this snapshot, so there is no report for it. Quarters with a return: "
                        + String.join(", ", info.publishedQuarters()) + "."));
    }

    private static boolean nonZero(Long n) {
        return n != null && n > 0;
    }

    private static List<PackLine> lines(List<RiskSummaryRow> rows, List<Rating> ratings) {
        Map<String, Map<Rating, RiskSummaryRow>> byTheme = new LinkedHashMap<>();
        rows.forEach(r -> byTheme.computeIfAbsent(r.theme(), t -> new EnumMap<>(Rating.class)).put(r.rating(), r));
        List<PackLine> lines = new ArrayList<>();
        byTheme.forEach((theme, cells) -> lines.add(new PackLine(theme, theme.equals("Totals"), ratings.stream()
                .map(cells::get).filter(java.util.Objects::nonNull)
                .map(r -> new PackCell(r.rating(), r.previousCount(), r.count(), r.share()))
                .collect(Collectors.toList()))));
        return lines;
    }

    /**
     * The pack as a page.
     *
     * @param summary   the summary's sentences
     * @param chart     the risk summary chart for the page (null in print)
     * @param chartSvg  the same chart drawn as SVG, for print (null on the page)
     */
    public record PackPage(QuarterlyPack pack, List<String> summary, String signOff, String shareRule,
            List<Rating> ratings, List<PackLine> lines, ChartBlock chart, String chartSvg, String chartSummary,
            boolean print, String pdf, String docx, String commitmentsPage) implements Page {

        @Override
        public String title() {
            return PackReports.title(pack.period());
        }
    }

    /** A line of the pack's risk summary: a theme (or Totals) and its cells, rating by rating. */
    public record PackLine(String theme, boolean totals, List<PackCell> cells) {
    }

    /** A rating's indicators last quarter and this one, with this quarter's share under the pack's rule. */
    public record PackCell(Rating rating, Long previous, long count, Double share) {
    }
}
