package io.trajectory.api.reports;

import io.trajectory.warehouse.query.CommitmentGroup;
import io.trajectory.warehouse.query.CommitmentRow;
import io.trajectory.warehouse.query.PackIndicator;
import io.trajectory.warehouse.query.QuarterlyPack;
import io.trajectory.warehouse.query.RiskSummaryRow;
import io.trajectory.warehouse.rating.Rating;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The quarterly report pack as a Word document (Apache POI) for committee papers: the same
 * sections, sentences and figures as the PDF, the risk summary chart as a picture.
 */
public final class DocxDocument {

    private static final List<Rating> COLUMNS = List.of(Rating.GREEN, Rating.AMBER, Rating.RED, Rating.ACHIEVED,
            Rating.NOT_AVAILABLE);

    private DocxDocument() {
    }

    /** The .docx of {@code pack}; {@code chartPng} (null: none) is the risk summary chart. */
    public static byte[] of(QuarterlyPack pack, byte[] chartPng) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            heading(doc, "Title", "Quarterly performance report, " + pack.period());
            paragraph(doc, PackSummary.signOff(pack));

            heading(doc, "Heading1", "Summary");
            PackSummary.sentences(pack).forEach(s -> paragraph(doc, s));

            heading(doc, "Heading1", "Indicator risk summary");
            List<List<String>> rows = new ArrayList<>();
            Map<String, Map<Rating, RiskSummaryRow>> byTheme = new LinkedHashMap<>();
            pack.riskSummary().forEach(r -> byTheme.computeIfAbsent(r.theme(), t -> new LinkedHashMap<>()).put(r.rating(), r));
            byTheme.forEach((theme, cells) -> {
                List<String> line = new ArrayList<>(List.of(theme));
                for (Rating rating : COLUMNS) {
                    RiskSummaryRow r = cells.get(rating);
                    line.add(r == null ? "" : r.count() + (r.share() == null ? "" : " (" + oneDecimal(r.share()) + ")"));
                }
                rows.add(line);
            });
            table(doc, header("Theme", COLUMNS.stream().map(Rating::label).toArray(String[]::new)), rows);
            paragraph(doc, PackSummary.shareRule(pack));
            if (chartPng != null) {
                XWPFRun run = doc.createParagraph().createRun();
                try {
                    run.addPicture(new ByteArrayInputStream(chartPng), Document.PICTURE_TYPE_PNG, "risk-summary.png",
                            Units.toEMU(450), Units.toEMU(300));
                } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
                    throw new IllegalStateException(e);
                }
            }

            heading(doc, "Heading1", "Red risks");
            if (pack.redRisks().isEmpty()) {
                paragraph(doc, "No indicator has a red risk rating in " + pack.period() + ".");
            }
            for (PackIndicator i : pack.redRisks()) {
                heading(doc, "Heading2", i.ref() + " " + i.title());
                paragraph(doc, "Theme: " + i.theme() + ". Officer: " + orDash(i.officer()) + ". Trend: "
                        + words(i.officerTrend()) + ". Actual " + number(i.actual()) + " against a planned "
                        + number(i.planned()) + ".");
                paragraph(doc, i.comment() == null || i.comment().isBlank() ? "No commentary." : i.comment());
            }

            heading(doc, "Heading1", "Commitments");
            for (CommitmentGroup g : pack.commitments()) {
                heading(doc, "Heading2", g.title() + " (" + g.commitments().size() + ")");
                if (g.commitments().isEmpty()) {
                    paragraph(doc, "None.");
                    continue;
                }
                List<List<String>> lines = new ArrayList<>();
                for (CommitmentRow c : g.commitments()) {
                    lines.add(List.of(c.ref(), c.achieve(), orDash(c.officer()), label(c.rating()),
                            label(c.statedPreviousRating()), label(c.recordedPreviousRating()), orDash(c.comment())));
                }
                table(doc, List.of("Ref", "Commitment", "Officer", "Status", "Stated last quarter", "Recorded last quarter",
                        "Commentary"), lines);
            }

            heading(doc, "Heading1", "Appendix: every indicator");
            List<List<String>> all = new ArrayList<>();
            for (PackIndicator i : pack.indicators()) {
                all.add(List.of(i.ref(), i.title(), i.theme(), label(i.rating()), words(i.officerTrend()),
                        words(i.directionVsPreviousQuarter()), words(i.variation()), words(i.assurance())));
            }
            table(doc, List.of("Ref", "Indicator", "Theme", "Rating", "Trend (officer)", "Since last quarter",
                    "Variation", "Assurance"), all);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the .docx: " + e.getMessage(), e);
        }
    }

    private static List<String> header(String first, String... rest) {
        List<String> h = new ArrayList<>(List.of(first));
        h.addAll(List.of(rest));
        return h;
    }

    private static void heading(XWPFDocument doc, String style, String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setStyle(style);
        XWPFRun r = p.createRun();
        r.setBold(true);
        r.setFontSize(style.equals("Title") ? 20 : style.equals("Heading1") ? 15 : 12);
        r.setText(text);
    }

    private static void paragraph(XWPFDocument doc, String text) {
        doc.createParagraph().createRun().setText(text);
    }

    private static void table(XWPFDocument doc, List<String> header, List<List<String>> rows) {
        XWPFTable t = doc.createTable(rows.size() + 1, header.size());
        fill(t.getRow(0), header, true);
        for (int i = 0; i < rows.size(); i++) {
            fill(t.getRow(i + 1), rows.get(i), false);
        }
    }

    private static void fill(XWPFTableRow row, List<String> cells, boolean bold) {
        for (int c = 0; c < cells.size(); c++) {
            XWPFParagraph p = row.getCell(c).getParagraphs().get(0);
            XWPFRun r = p.createRun();
            r.setBold(bold);
            r.setText(cells.get(c) == null ? "" : cells.get(c));
        }
    }

    private static String label(Rating r) {
        return r == null ? "\u2013" : r.label();
    }

    private static String words(Enum<?> e) {
        if (e == null) {
            return "\u2013";
        }
        String s = e.name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String orDash(String s) {
        return s == null || s.isBlank() ? "\u2013" : s;
    }

    private static String number(Double v) {
        return v == null ? "\u2013" : new java.text.DecimalFormat("#,##0.##",
                java.text.DecimalFormatSymbols.getInstance(Locale.UK)).format(v);
    }

    private static String oneDecimal(double share) {
        return String.format(Locale.UK, "%.1f%%", share * 100);
    }
}
