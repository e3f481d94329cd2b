package io.trajectory.etl.commitments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.trajectory.warehouse.period.FiscalQuarter;
import io.trajectory.warehouse.rating.Rating;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layout read on its principles, not its exact strings: {@code report-quirks.txt} has header
 * rows with a blank "We Will Achieve" cell, a blank REF cell and misspelt names, a data row with a
 * stray empty column, and the status cells people write.
 */
class CommitmentsReportQuirksTest {

    private static final FiscalQuarter Q2 = FiscalQuarter.of(2009, 2);
    private static final FiscalQuarter Q1 = FiscalQuarter.of(2009, 1);
    private static final String HEADER =
            "REF\tHigh Priorities\tWe Will Achieve\tResponsible Officer\tRed/ Amber Green/Achieved\tComments On Progress";
    private static CommitmentsParse quirks;

    @BeforeAll
    static void parseQuirks() throws IOException {
        try (Reader r = CommitmentFixtures.reader("report-quirks.txt")) {
            quirks = CommitmentsReportParser.parse("report-quirks.txt", r, Q2);
        }
    }

    private static CommitmentRow row(String ref, int item) {
        return quirks.rows().stream().filter(r -> r.ref().equals(ref) && r.item() == item).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + ref + " #" + item + " in " + quirks.rows()));
    }

    private static CommitmentsParse parse(String text) {
        return CommitmentsReportParser.parse("inline.txt", new StringReader(text), Q2);
    }

    @Test
    void everyCommitmentOfTheReportIsReadAndNothingIsQuarantined() {
        assertThat(quirks.problems()).isEmpty();
        assertThat(quirks.rows()).extracting(CommitmentRow::line, CommitmentRow::ref, CommitmentRow::item).containsExactly(
                tuple(9, "3. HSG/ADL", 1), tuple(10, "3. HSG/ADL", 2), tuple(13, "4. ADL/CAR", 1),
                tuple(16, "6. TRN/ENV", 1), tuple(17, "9. ENV/WST", 1), tuple(24, "2.EDU/CYP", 1),
                tuple(25, "CPA CEX 4", 1), tuple(31, "CPA Res 8", 1), tuple(32, "CPA Res 9", 1),
                tuple(33, "5 SAF/CEX", 1), tuple(34, "5 SAF/CEX", 2));
    }

    @Test
    void blankWeWillAchieveHeaderCellIsPlacedBetweenItsNeighbours() {
        CommitmentRow r = row("3. HSG/ADL", 1);
        assertThat(r.achieve()).isEqualTo("Deliver 180 affordable homes LAA 2.4");
        assertThat(r.priority()).isEqualTo("More homes people can afford");
        assertThat(r.officer()).isEqualTo("Pat Lowe");
        assertThat(r.current()).isEqualTo(Rating.RED);
    }

    @Test
    void continuationRowWithItsOwnStatusIsItsOwnItemUnderTheRefAbove() {
        CommitmentRow r = row("3. HSG/ADL", 2);
        assertThat(r.achieve()).isEqualTo("Bring 60 empty homes back into use LAA 2.5");
        assertThat(r.officer()).isEqualTo("Pat Lowe");
        assertThat(r.current()).isEqualTo(Rating.RED);
        assertThat(r.statedPrevious()).isEqualTo(Rating.AMBER);
    }

    @Test
    void blankRefHeaderCellIsTheRefColumn() {
        CommitmentRow r = row("4. ADL/CAR", 1);
        assertThat(r.achieve()).isEqualTo("Carers receiving a service or advice NI135");
        assertThat(r.current()).isEqualTo(Rating.RED);
        assertThat(r.statedPrevious()).isEqualTo(Rating.AMBER);
        assertThat(r.statedPreviousPeriod()).isEqualTo(Q1);
        assertThat(r.statusText()).isEqualTo("Carers (NI135) = Red (Amber at Q1)");
    }

    @Test
    void misspeltHeaderIsStillAHeader() {
        CommitmentRow r = row("6. TRN/ENV", 1);
        assertThat(r.achieve()).isEqualTo("Cut average peak journey time by 3% LAA 6.2");
        assertThat(r.officer()).isEqualTo("Omar Reid");
        assertThat(r.comment()).isEqualTo("Two corridors are under roadworks until March.");
    }

    @Test
    void strayEmptyColumnInARowIsDroppedWhenOnlyOneReadingFits() {
        CommitmentRow r = row("9. ENV/WST", 1);
        assertThat(r.priority()).isEqualTo("Less waste to landfill");
        assertThat(r.achieve()).isEqualTo("Cut landfilled household waste by 6% LAA 4.1");
        assertThat(r.officer()).isEqualTo("Nell Gray");
        assertThat(r.current()).isEqualTo(Rating.RED);
    }

    @Test
    void previousOnlyStatusUnderNowAmberIsAmberAndItsCommentContinues() {
        CommitmentRow r = row("CPA CEX 4", 1);
        assertThat(r.current()).isEqualTo(Rating.AMBER);
        assertThat(r.statedPrevious()).isEqualTo(Rating.GREEN);
        assertThat(r.comment()).isEqualTo("The draft is out to consultation.\nConsultation closes on 30 November.");
    }

    @Test
    void statusCellsAsPeopleWriteThem() {
        assertThat(row("CPA Res 8", 1)).extracting(CommitmentRow::current, CommitmentRow::statedPrevious)
                .containsExactly(Rating.GREEN, null);
        assertThat(row("CPA Res 9", 1)).extracting(CommitmentRow::current, CommitmentRow::statedPrevious,
                CommitmentRow::statedPreviousPeriod).containsExactly(Rating.ACHIEVED, Rating.GREEN, Q1);
        assertThat(row("5 SAF/CEX", 1)).extracting(CommitmentRow::current, CommitmentRow::statedPrevious)
                .containsExactly(Rating.ENDED, Rating.RED);
        CommitmentRow rec = row("5 SAF/CEX", 2);
        assertThat(rec.current()).isEqualTo(Rating.ENDED);
        assertThat(rec.statedPrevious()).isNull();
        assertThat(rec.statusText()).contains("<b>Rec</b>");
    }

    @Test
    void headerMissingAColumnWithNoBlankCellForItCannotBeRead() {
        CommitmentsParse p = parse("REF\tHigh Priorities\tWe Will Achieve\tResponsible Officer\tComments On Progress\n"
                + "A1\tP\tDo it\tOlu\tGreen\tFine.\n");
        assertThat(p.rows()).isEmpty();
        assertThat(p.problems()).extracting(ParseProblem::line).containsExactly(1, 2);
        assertThat(p.problems().get(0).reason()).contains("no 'Red/ Amber Green/Achieved' column");
        assertThat(p.problems().get(1).reason()).contains("unusable header row on line 1");
    }

    @Test
    void blankTrailingHeaderCellsAreTheMissingLastColumns() {
        CommitmentsParse p = parse("REF\tHigh Priorities\tWe Will Achieve\tResponsible Officer\t\t\n"
                + "A1\tP\tDo it\tOlu\tAmber\tSlipping.\n");
        assertThat(p.problems()).isEmpty();
        assertThat(p.rows()).singleElement().extracting(CommitmentRow::current, CommitmentRow::comment)
                .containsExactly(Rating.AMBER, "Slipping.");
    }

    @Test
    void rowOfProseIsNotTakenForAHeader() {
        CommitmentsParse p = parse(HEADER + "\nA1\tThe officer said the status of progress is under review\tDo it\tOlu\tGreen\t"
                + "Comments will follow.\n");
        assertThat(p.rows()).singleElement().extracting(CommitmentRow::ref).isEqualTo("A1");
    }

    @Test
    void rowWithAnExtraCellThatCanBeReadTwoWaysIsQuarantined() {
        // Dropping either empty cell gives a readable row, and the two readings differ.
        CommitmentsParse p = parse(HEADER + "\nA1\t\tPriority\t\tOlu\tGreen\tFine.\n");
        assertThat(p.rows()).isEmpty();
        assertThat(p.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(2);
            assertThat(problem.reason()).contains("7 cells").contains("line 1 has 6");
        });
    }

    @Test
    void boldLegendLineIsStillALegendNotASection() {
        CommitmentsParse p = parse("#### Red Commitments\n**Green - On Trajectory**\n" + HEADER + "\nA1\tP\tDo it\tOlu\tRed\t\n");
        assertThat(p.rows()).singleElement().extracting(CommitmentRow::section).isEqualTo("Red Commitments");
    }
}
