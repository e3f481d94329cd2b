package io.trajectory.etl.commitments;

import io.trajectory.warehouse.period.FiscalQuarter;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.poi.openxml4j.exceptions.OLE2NotOfficeXmlFileException;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

/**
 * Reads {@code commitments.docx}, the report as saved from Word, with Apache POI. The document
 * becomes the same {@link ReportLine}s the text export gives, so {@link ReportLayout} applies the
 * same rules and the same report gives the same commitments either way:
 * <ul>
 *   <li>paragraphs between tables are lines: a heading style or an all-bold paragraph is a section
 *       heading, a legend stays a legend;</li>
 *   <li>each table row is a row of cells: a cell's paragraphs and line breaks become spaces; a
 *       cell merged down from the row above ({@code vMerge} continue) is blank, as the text export
 *       leaves it, so it continues the commitment above; a cell spanning grid columns is followed
 *       by blank cells, so later cells keep their header positions;</li>
 *   <li>bold runs are marked {@code <b>..</b>} in the status cell, as the export marks them;</li>
 *   <li>a header row repeated on every page is stored once in the table and read like any header.</li>
 * </ul>
 * Problems name the table and row ("table 2 row 5: ..."); their line is the block's position in
 * the document.
 */
public final class CommitmentsDocxReader {

    private CommitmentsDocxReader() {
    }

    /**
     * @param sourceFile    the file's name for rows, problems and errors
     * @param docx          the document; closed by the caller
     * @param reportQuarter the quarter the report is for
     * @throws CommitmentsFileException naming the file when it is not a readable .docx
     */
    public static CommitmentsParse read(String sourceFile, InputStream docx, FiscalQuarter reportQuarter) {
        Objects.requireNonNull(sourceFile, "sourceFile");
        Objects.requireNonNull(docx, "docx");
        Objects.requireNonNull(reportQuarter, "reportQuarter");
        ReportLayout layout = new ReportLayout(sourceFile, reportQuarter);
        try (XWPFDocument document = new XWPFDocument(docx)) {
            for (ReportLine line : lines(document)) {
                layout.accept(line);
            }
        } catch (OLE2NotOfficeXmlFileException e) {
            throw new CommitmentsFileException(sourceFile, "is a Word 97-2003 document (.doc), not .docx: "
                    + "save it from Word as a .docx (Word Document) and load again", e);
        } catch (IOException | RuntimeException e) {
            throw new CommitmentsFileException(sourceFile, "cannot be read as a Word document (.docx): "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("")), e);
        }
        return layout.finish();
    }

    /** The document's paragraphs and table rows in order. */
    static List<ReportLine> lines(XWPFDocument document) {
        List<ReportLine> lines = new ArrayList<>();
        int paragraphs = 0;
        int tables = 0;
        for (IBodyElement element : document.getBodyElements()) {
            if (element instanceof XWPFParagraph p) {
                paragraphs++;
                lines.add(ReportLine.paragraph(lines.size() + 1, "paragraph " + paragraphs, text(p, false),
                        isHeading(document, p)));
            } else if (element instanceof XWPFTable t) {
                tables++;
                int rowNumber = 0;
                for (XWPFTableRow row : t.getRows()) {
                    rowNumber++;
                    List<String> cells = new ArrayList<>();
                    List<String> marked = new ArrayList<>();
                    for (XWPFTableCell cell : row.getTableCells()) {
                        boolean continued = isMergedFromAbove(cell);
                        cells.add(continued ? "" : text(cell, false));
                        marked.add(continued ? "" : text(cell, true));
                        for (int extra = span(cell) - 1; extra > 0; extra--) {
                            cells.add("");
                            marked.add("");
                        }
                    }
                    lines.add(ReportLine.row(lines.size() + 1, "table " + tables + " row " + rowNumber,
                            String.join("\t", cells), cells, marked));
                }
            }
        }
        return lines;
    }

    private static String text(XWPFTableCell cell, boolean markBold) {
        StringBuilder out = new StringBuilder();
        for (XWPFParagraph p : cell.getParagraphs()) {
            out.append(' ').append(text(p, markBold));
        }
        return out.toString().replaceAll("\\s+", " ").strip();
    }

    /** The paragraph's runs, tabs and line breaks as spaces; bold runs marked when asked. */
    private static String text(XWPFParagraph paragraph, boolean markBold) {
        StringBuilder out = new StringBuilder();
        boolean inBold = false;
        for (XWPFRun run : paragraph.getRuns()) {
            String t = run.text().replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
            if (t.isEmpty()) {
                continue;
            }
            boolean bold = markBold && run.isBold() && !t.isBlank();
            if (bold != inBold) {
                out.append(bold ? "<b>" : "</b>");
                inBold = bold;
            }
            out.append(t);
        }
        if (inBold) {
            out.append("</b>");
        }
        return out.toString();
    }

    /** A heading style (Heading 1..9, Title) or a paragraph whose every run with text is bold. */
    private static boolean isHeading(XWPFDocument document, XWPFParagraph p) {
        String styleId = p.getStyleID();
        if (styleId != null) {
            XWPFStyle style = document.getStyles() == null ? null : document.getStyles().getStyle(styleId);
            String name = (style == null || style.getName() == null ? styleId : style.getName()).toLowerCase(Locale.ROOT);
            if (name.startsWith("heading") || name.equals("title")) {
                return true;
            }
        }
        boolean anyText = false;
        for (XWPFRun run : p.getRuns()) {
            if (run.text().isBlank()) {
                continue;
            }
            anyText = true;
            if (!run.isBold()) {
                return false;
            }
        }
        return anyText;
    }

    private static boolean isMergedFromAbove(XWPFTableCell cell) {
        CTTcPr pr = cell.getCTTc().getTcPr();
        if (pr == null || !pr.isSetVMerge()) {
            return false;
        }
        return pr.getVMerge().getVal() == null || pr.getVMerge().getVal() == STMerge.CONTINUE;
    }

    private static int span(XWPFTableCell cell) {
        CTTcPr pr = cell.getCTTc().getTcPr();
        if (pr == null || !pr.isSetGridSpan() || pr.getGridSpan().getVal() == null) {
            return 1;
        }
        return Math.max(1, pr.getGridSpan().getVal().intValue());
    }
}
