package io.trajectory.etl.commitments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.trajectory.warehouse.period.FiscalQuarter;
import io.trajectory.warehouse.rating.Rating;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code commitments-2009-10-Q2.csv}: headers out of order and case, a quoted line break, continuations, bad rows. */
class CommitmentsCsvReaderTest {

    private static final String FILE = "returns/2009-10-Q2/commitments.csv";
    private static final FiscalQuarter Q2 = FiscalQuarter.of(2009, 2);
    private static final String HEADER = "ref,priority,achieve,responsible_officer,status,comment\n";
    private static CommitmentsParse csv;

    @BeforeAll
    static void readFixture() throws IOException {
        try (Reader r = CommitmentFixtures.reader("commitments-2009-10-Q2.csv")) {
            csv = CommitmentsCsvReader.read(FILE, r, Q2);
        }
    }

    private static CommitmentsParse read(String text) {
        return CommitmentsCsvReader.read("inline.csv", new StringReader(text), Q2);
    }

    @Test
    void readsRowsWhateverTheOrderAndCaseOfTheHeaders() {
        assertThat(csv.rows()).extracting(CommitmentRow::line, CommitmentRow::ref, CommitmentRow::item, CommitmentRow::current)
                .containsExactly(
                        tuple(2, "LAA 4.1.3", 1, Rating.RED),
                        tuple(3, "6. TRN/ENV", 1, Rating.GREEN),
                        tuple(5, "6. TRN/ENV", 2, Rating.AMBER),
                        tuple(8, "CPA CEX 3", 1, Rating.NOT_AVAILABLE),
                        tuple(10, "6. TRN/ENV", 3, Rating.ACHIEVED));
        CommitmentRow first = csv.rows().get(0);
        assertThat(first.priority()).isEqualTo("Waste");
        assertThat(first.achieve()).isEqualTo("Cut landfill by 8%");
        assertThat(first.officer()).isEqualTo("Pat Lowe");
        assertThat(first.statusText()).isEqualTo("Red (Amber at Q1)");
        assertThat(first.statedPrevious()).isEqualTo(Rating.AMBER);
        assertThat(first.statedPreviousPeriod()).isEqualTo(FiscalQuarter.of(2009, 1));
        assertThat(first.comment()).isEqualTo("Tonnage rose, mainly garden waste.");
        assertThat(first.section()).isNull();
        assertThat(first.sourceFile()).isEqualTo(FILE);
    }

    @Test
    void quotedLineBreakStaysInTheCommentAndLaterRecordsKeepTheirFileLines() {
        assertThat(csv.rows().get(1).comment()).isEqualTo("Two corridors improved.\nA third starts in May.");
        assertThat(csv.rows().get(2).line()).isEqualTo(5);
    }

    @Test
    void blankRefContinuesTheRefAboveAsInTheReport() {
        CommitmentRow second = csv.rows().get(2);
        assertThat(second.priority()).isEqualTo("Keep the county moving");
        assertThat(second.officer()).isEqualTo("Omar Reid");
        assertThat(second.comment()).isEqualTo("Numbers are flat.\nMore on buses next quarter.");
    }

    @Test
    void contRefContinuesTheNumberingEvenAfterOtherRefs() {
        CommitmentRow third = csv.rows().get(4);
        assertThat(third.ref()).isEqualTo("6. TRN/ENV");
        assertThat(third.item()).isEqualTo(3);
        assertThat(third.officer()).isEqualTo("Omar Reid");
    }

    @Test
    void statusThatCannotBeUnderstoodIsAProblemWithTheCsvLineAndColumn() {
        assertThat(csv.problems()).filteredOn(p -> p.line() == 7).singleElement().satisfies(p -> {
            assertThat(p.column()).isEqualTo("Status");
            assertThat(p.reason()).contains("'Rec'");
            assertThat(p.rawLine()).isEqualTo("Rec,8. CUL/LIB,Libraries,Extend opening hours,Kim Tate,The status has a typo.,");
            assertThat(p.sourceFile()).isEqualTo(FILE);
        });
    }

    @Test
    void recordWithTooFewFieldsIsAProblemKeepingTheRawRecord() {
        assertThat(csv.problems()).filteredOn(p -> p.line() == 9).singleElement().satisfies(p -> {
            assertThat(p.column()).isNull();
            assertThat(p.reason()).contains("3 fields").contains("header has 7");
            assertThat(p.rawLine()).isEqualTo("Green,9. SHORT/ROW,Too few fields");
        });
        assertThat(csv.problems()).hasSize(2);
    }

    @Test
    void recordWithAnExtraFilledFieldIsAProblemButATrailingEmptyOneIsNot() {
        CommitmentsParse p = read(HEADER + "A1,P,Do it,Olu,Green,Fine,\nA2,P,Do it,Olu,Green,Fine,surprise\n");
        assertThat(p.rows()).extracting(CommitmentRow::ref).containsExactly("A1");
        assertThat(p.problems()).singleElement().extracting(ParseProblem::line).isEqualTo(3);
    }

    @Test
    void optionalColumnsMayBeLeftOut() {
        CommitmentsParse p = read("REF,Status,Achieve\nA1,Amber,Do it\n");
        assertThat(p.problems()).isEmpty();
        assertThat(p.rows()).singleElement().satisfies(r -> {
            assertThat(r.priority()).isNull();
            assertThat(r.officer()).isNull();
            assertThat(r.comment()).isNull();
            assertThat(r.current()).isEqualTo(Rating.AMBER);
        });
    }

    @Test
    void byteOrderMarkIsIgnored() {
        CommitmentsParse p = read("\uFEFF" + HEADER + "A1,P,Do it,Olu,Green,Fine\n");
        assertThat(p.rows()).singleElement().extracting(CommitmentRow::ref, CommitmentRow::line).containsExactly("A1", 2);
    }

    @Test
    void missingRequiredColumnFailsTheFileNamingFileAndColumn() {
        assertThatThrownBy(() -> read("ref,priority,achieve,responsible_officer,comment\nA1,P,Do it,Olu,Fine\n"))
                .isInstanceOf(CommitmentsFileException.class)
                .hasMessageContaining("inline.csv")
                .hasMessageContaining("missing required column status");
    }

    @Test
    void columnNamedTwiceFailsTheFile() {
        assertThatThrownBy(() -> read("ref,status,achieve,STATUS\nA1,Red,Do it,Green\n"))
                .isInstanceOf(CommitmentsFileException.class)
                .hasMessageContaining("inline.csv").hasMessageContaining("'status' appears twice");
    }

    @Test
    void emptyFileFailsNamingTheFile() {
        assertThatThrownBy(() -> read(""))
                .isInstanceOf(CommitmentsFileException.class).hasMessageContaining("inline.csv").hasMessageContaining("empty");
    }

    @Test
    void unterminatedQuoteFailsNamingTheFile() {
        assertThatThrownBy(() -> read(HEADER + "A1,P,Do it,Olu,Green,\"never closed\n"))
                .isInstanceOf(CommitmentsFileException.class).hasMessageContaining("inline.csv").hasMessageContaining("not valid CSV");
    }
}
