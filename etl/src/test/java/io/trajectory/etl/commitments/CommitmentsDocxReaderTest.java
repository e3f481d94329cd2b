package io.trajectory.etl.commitments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trajectory.warehouse.period.FiscalQuarter;
import io.trajectory.warehouse.rating.Rating;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

/**
 * The report as saved from Word, built here with POI: the commitments that come out must be the
 * ones the equivalent text export gives.
 */
class CommitmentsDocxReaderTest {

    private static final FiscalQuarter Q2 = FiscalQuarter.of(2009, 2);
    private static final String FILE = "returns/2009-10-Q2/commitments.docx";
    private static final List<String> HEADER = List.of(
            "REF", "High Priorities", "We Will Achieve", "Responsible Officer", "Red/ Amber Green/Achieved", "Comments On Progress");

    /** Marks a cell for the builder: bold text, a line break, merged down from above, spanning columns. */
    private record Cell(String[] parts, boolean bold, boolean mergedFromAbove, boolean restartsMerge, int span) {
        static Cell of(String text) {
            return new Cell(new String[] {text}, false, false, false, 1);
        }
    }

    private static Cell text(String t) {
        return Cell.of(t);
    }

    private static Cell merged() {
        return new Cell(new String[] {""}, false, true, false, 1);
    }

    private static Cell mergeStart(String t) {
        return new Cell(new String[] {t}, false, false, true, 1);
    }

    /** Plain text, then the rest in bold. */
    private static Cell thenBold(String plain, String bold) {
        return new Cell(new String[] {plain, bold}, true, false, false, 1);
    }

    /** Text with a line break between the parts. */
    private static Cell lines(String... parts) {
        return new Cell(parts, false, false, false, 1);
    }

    private static Cell spanning(String t, int columns) {
        return new Cell(new String[] {t}, false, false, false, columns);
    }

    /** A small Word document builder over POI's XWPF. */
    private static final class Docx {
        final XWPFDocument doc = new XWPFDocument();

        Docx paragraph(String text) {
            doc.createParagraph().createRun().setText(text);
            return this;
        }

        Docx heading(String text) {
            XWPFParagraph p = doc.createParagraph();
            p.setStyle("Heading4");
            p.createRun().setText(text);
            return this;
        }

        Docx boldParagraph(String text) {
            XWPFRun r = doc.createParagraph().createRun();
            r.setBold(true);
            r.setText(text);
            return this;
        }

        @SafeVarargs
        final Docx table(boolean headerRow, List<Cell>... rows) {
            XWPFTable t = doc.createTable();
            XWPFTableRow first = t.getRow(0);
            if (headerRow) {
                first.setRepeatHeader(true);
                for (int i = 0; i < HEADER.size(); i++) {
                    XWPFTableCell c = i == 0 ? first.getCell(0) : first.addNewTableCell();
                    XWPFRun r = c.getParagraphs().get(0).createRun();
                    r.setBold(true);
                    r.setText(HEADER.get(i));
                }
            } else {
                t.removeRow(0);
            }
            for (List<Cell> cells : rows) {
                XWPFTableRow row = t.createRow();
                while (row.getTableCells().size() > 0) {
                    row.removeCell(0);
                }
                for (Cell cell : cells) {
                    XWPFTableCell c = row.addNewTableCell();
                    fill(c, cell);
                }
            }
            return this;
        }

        private static void fill(XWPFTableCell c, Cell cell) {
            XWPFParagraph p = c.getParagraphs().isEmpty() ? c.addParagraph() : c.getParagraphs().get(0);
            for (int i = 0; i < cell.parts().length; i++) {
                XWPFRun r = p.createRun();
                boolean bold = cell.bold() && i == cell.parts().length - 1;
                r.setBold(bold);
                r.setText(cell.parts()[i]);
                if (!cell.bold() && i < cell.parts().length - 1) {
                    r.addBreak();
                }
            }
            if (cell.mergedFromAbove()) {
                c.getCTTc().addNewTcPr().addNewVMerge();
            } else if (cell.restartsMerge()) {
                c.getCTTc().addNewTcPr().addNewVMerge().setVal(STMerge.RESTART);
            }
            if (cell.span() > 1) {
                (c.getCTTc().isSetTcPr() ? c.getCTTc().getTcPr() : c.getCTTc().addNewTcPr())
                        .addNewGridSpan().setVal(BigInteger.valueOf(cell.span()));
            }
        }

        byte[] bytes() {
            try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                doc.write(out);
                doc.close();
                return out.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static CommitmentsParse read(byte[] docx) {
        return CommitmentsDocxReader.read(FILE, new ByteArrayInputStream(docx), Q2);
    }

    private static CommitmentsParse parseText(String report) {
        return CommitmentsReportParser.parse(FILE, new StringReader(report), Q2);
    }

    /** What a commitment says, without where it was found (lines differ between the two files). */
    private static List<List<Object>> content(CommitmentsParse parse) {
        return parse.rows().stream().map(r -> List.<Object>of(r.ref(), r.item(), String.valueOf(r.priority()),
                String.valueOf(r.achieve()), String.valueOf(r.officer()), r.statusText(), r.current(),
                String.valueOf(r.statedPrevious()), String.valueOf(r.statedPreviousPeriod()), String.valueOf(r.comment()),
                String.valueOf(r.section()))).toList();
    }

    private static final String TEXT_EXPORT = String.join("\n",
            "Green \u2013 On Trajectory",
            "Red- Off Trajectory with little prospect that remedial action will bring it back",
            "#### Red Commitments",
            String.join("\t", HEADER),
            "3. HSG/ADL\tMore homes people can afford\tDeliver 180 affordable homes LAA 2.4\tPat Lowe\tRed\tOnly 44 homes are finished; one site is in administration.",
            "\t\tBring 60 empty homes back into use LAA 2.5\t\tRed (Amber at Q1)\tGrant take-up has been slow.",
            "7SAF/CEX\t\tConfidence in local policing up to 60% LAA 2.9\tAl Fox\tMeasured nationally. <b>Red</b>\tOnly a national survey figure exists now.",
            "\t\t\t\t\tThe survey runs again in spring.",
            "Commitments which are now Amber That Were Green Last Quarter",
            "REF\tHigh Priorities\t\tResponsible Officer\tRed/ Amber Green/Achieved\tComments On Progress",
            "2.EDU/CYP\tBetter school attendance\tCut persistent absence to 4.5%\tJo Penn\tAmber (Green at Q1)\tAutumn figures are awaited.",
            "CPA CEX 4\t\tPublish the new community plan by December\tNia Ross\t(Green at Q1)\tThe draft is out to consultation. Consultation closes on 30 November.",
            "");

    static byte[] equivalentDocument() {
        return new Docx()
                .paragraph("Green \u2013 On Trajectory")
                .paragraph("Red- Off Trajectory with little prospect that remedial action will bring it back")
                .heading("Red Commitments")
                .table(true,
                        List.of(mergeStart("3. HSG/ADL"), mergeStart("More homes people can afford"),
                                text("Deliver 180 affordable homes LAA 2.4"), mergeStart("Pat Lowe"), text("Red"),
                                text("Only 44 homes are finished; one site is in administration.")),
                        List.of(merged(), merged(), text("Bring 60 empty homes back into use LAA 2.5"), merged(),
                                text("Red (Amber at Q1)"), text("Grant take-up has been slow.")),
                        List.of(text("7SAF/CEX"), text(""), text("Confidence in local policing up to 60% LAA 2.9"),
                                text("Al Fox"), thenBold("Measured nationally. ", "Red"),
                                text("Only a national survey figure exists now.")),
                        List.of(text(""), text(""), text(""), text(""), text(""), text("The survey runs again in spring.")))
                .boldParagraph("Commitments which are now Amber That Were Green Last Quarter")
                .table(false,
                        List.of(text("REF"), text("High Priorities"), text(""), text("Responsible Officer"),
                                text("Red/ Amber Green/Achieved"), text("Comments On Progress")),
                        List.of(text("2.EDU/CYP"), text("Better school attendance"), text("Cut persistent absence to 4.5%"),
                                text("Jo Penn"), text("Amber (Green at Q1)"), text("Autumn figures are awaited.")),
                        List.of(text("CPA CEX 4"), text(""), text("Publish the new community plan by December"),
                                text("Nia Ross"), text("(Green at Q1)"),
                                lines("The draft is out to consultation.", "Consultation closes on 30 November.")))
                .bytes();
    }

    @Test
    void documentGivesTheSameCommitmentsAsItsTextExport() {
        CommitmentsParse fromText = parseText(TEXT_EXPORT);
        CommitmentsParse fromDocx = read(equivalentDocument());
        assertThat(fromText.problems()).isEmpty();
        assertThat(fromDocx.problems()).isEmpty();
        assertThat(fromText.rows()).hasSize(5);
        assertThat(content(fromDocx)).isEqualTo(content(fromText));
    }

    @Test
    void cellsMergedDownFromTheRowAboveContinueItsCommitment() {
        CommitmentRow second = read(equivalentDocument()).rows().get(1);
        assertThat(second.ref()).isEqualTo("3. HSG/ADL");
        assertThat(second.item()).isEqualTo(2);
        assertThat(second.priority()).isEqualTo("More homes people can afford");
        assertThat(second.officer()).isEqualTo("Pat Lowe");
        assertThat(second.statedPrevious()).isEqualTo(Rating.AMBER);
    }

    @Test
    void boldRunInTheStatusCellIsReadLikeTheExportsBoldTags() {
        CommitmentRow policing = read(equivalentDocument()).rows().get(2);
        assertThat(policing.statusText()).isEqualTo("Measured nationally. <b>Red</b>");
        assertThat(policing.current()).isEqualTo(Rating.RED);
        assertThat(policing.comment()).isEqualTo("Only a national survey figure exists now.\nThe survey runs again in spring.");
    }

    @Test
    void headingsBetweenTablesAreSectionsAndHeaderCellsAreReadWithoutTheirBold() {
        List<CommitmentRow> rows = read(equivalentDocument()).rows();
        assertThat(rows.get(0).section()).isEqualTo("Red Commitments");
        assertThat(rows.get(4).section()).isEqualTo("Commitments which are now Amber That Were Green Last Quarter");
        assertThat(rows.get(4).current()).as("(Green at Q1) under 'now Amber'").isEqualTo(Rating.AMBER);
        assertThat(rows.get(3).achieve()).as("blank header cell placed as We Will Achieve").isEqualTo("Cut persistent absence to 4.5%");
    }

    @Test
    void problemsNameTheTableAndRowAndKeepTheRowsText() {
        byte[] docx = new Docx().heading("Red Commitments")
                .table(true,
                        List.of(text("A1"), text("P"), text("Do it"), text("Olu"), text("Green"), text("Fine.")),
                        List.of(text("A2"), text("P"), text("Do more"), text("Olu"), text("Purple"), text("Odd.")))
                .bytes();
        CommitmentsParse p = read(docx);
        assertThat(p.rows()).extracting(CommitmentRow::ref).containsExactly("A1");
        assertThat(p.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.sourceFile()).isEqualTo(FILE);
            assertThat(problem.reason()).startsWith("table 1 row 3: status not understood").contains("'Purple'");
            assertThat(problem.column()).isEqualTo("Red/ Amber Green/Achieved");
            assertThat(problem.rawLine()).isEqualTo("A2\tP\tDo more\tOlu\tPurple\tOdd.");
        });
    }

    @Test
    void cellSpanningTwoColumnsKeepsTheLaterCellsInTheirColumns() {
        byte[] docx = new Docx().table(true,
                List.of(text("A1"), spanning("Cleaner streets", 2), text("Ed Fox"), text("Amber"), text("Slipping."))).bytes();
        CommitmentRow r = read(docx).rows().get(0);
        assertThat(r.priority()).isEqualTo("Cleaner streets");
        assertThat(r.officer()).isEqualTo("Ed Fox");
        assertThat(r.current()).isEqualTo(Rating.AMBER);
    }

    @Test
    void proseParagraphIsAProblemNamingTheParagraph() {
        byte[] docx = new Docx().paragraph("Prepared by the performance team.").table(true,
                List.of(text("A1"), text("P"), text("Do it"), text("Olu"), text("Green"), text("Fine."))).bytes();
        CommitmentsParse p = read(docx);
        assertThat(p.rows()).hasSize(1);
        assertThat(p.problems()).singleElement().extracting(ParseProblem::reason).asString()
                .startsWith("paragraph 1: line is not a table row");
    }

    @Test
    void fileThatIsNotAWordDocumentFailsNamingTheFile() {
        byte[] corrupt = "PK\u0003\u0004 this is not really a zip".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> read(corrupt))
                .isInstanceOf(CommitmentsFileException.class)
                .hasMessageStartingWith(FILE + ": cannot be read as a Word document (.docx)");
        byte[] truncated = java.util.Arrays.copyOf(equivalentDocument(), 400);
        assertThatThrownBy(() -> read(truncated))
                .isInstanceOf(CommitmentsFileException.class)
                .hasMessageStartingWith(FILE + ": cannot be read as a Word document (.docx)");
    }

    @Test
    void oldWordDocumentIsRefusedWithWhatToDo() throws IOException {
        ByteArrayOutputStream doc = new ByteArrayOutputStream();
        try (POIFSFileSystem ole2 = new POIFSFileSystem()) {
            ole2.writeFilesystem(doc);
        }
        assertThatThrownBy(() -> read(doc.toByteArray()))
                .isInstanceOf(CommitmentsFileException.class)
                .hasMessageContaining(FILE)
                .hasMessageContaining("save it from Word as a .docx");
    }
}
