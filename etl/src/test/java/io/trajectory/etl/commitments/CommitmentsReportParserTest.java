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

/** The layout quirks of a real report, reproduced in {@code report-layout.txt} (a 2009/10 Q2 report). */
class CommitmentsReportParserTest {

    private static final String FILE = "returns/2009-10-Q2/commitments.txt";
    private static final FiscalQuarter Q2 = FiscalQuarter.of(2009, 2);
    private static final String HEADER =
            "REF\tHigh Priorities\tWe Will Achieve\tResponsible Officer\tRed/ Amber Green/Achieved\tComments On Progress";
    private static final String RED_SECTION = "Red Commitments";
    private static final String AMBER_WAS_GREEN = "Commitments which are now Amber That Were Green Last Quarter";

    private static CommitmentsParse layout;

    @BeforeAll
    static void parseLayout() throws IOException {
        try (Reader r = CommitmentFixtures.reader("report-layout.txt")) {
            layout = CommitmentsReportParser.parse(FILE, r, Q2);
        }
    }

    private static CommitmentRow row(String ref, int item) {
        return layout.rows().stream().filter(r -> r.ref().equals(ref) && r.item() == item).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + ref + " #" + item + " in " + layout.rows()));
    }

    private static CommitmentsParse parse(String text) {
        return CommitmentsReportParser.parse("inline.txt", new StringReader(text), Q2);
    }

    @Test
    void readsOneRowPerWeWillAchieveLineWithTheLineItStartsOn() {
        assertThat(layout.rows()).extracting(CommitmentRow::line, CommitmentRow::ref, CommitmentRow::item).containsExactly(
                tuple(9, "3. HSG/ADL", 1),
                tuple(12, "LAA 4.1.3", 1),
                tuple(15, "6. TRN/ENV", 1),
                tuple(18, "6. TRN/ENV", 2),
                tuple(19, "6. TRN/ENV", 3),
                tuple(23, "8. CUL/LIB", 1),
                tuple(24, "9 CUL/ART", 1),
                tuple(29, "5 SAF/CEX", 1),
                tuple(30, "5 SAF/CEX", 2),
                tuple(31, "7SAF/CEX", 1),
                tuple(43, "2.EDU/CYP", 1),
                tuple(44, "CPA Fin 4", 1),
                tuple(45, "CPA CEX 3", 1),
                tuple(50, "CPA Res 6", 1),
                tuple(51, "CPA Res 7", 1));
        assertThat(layout.rows()).allSatisfy(r -> assertThat(r.sourceFile()).isEqualTo(FILE));
    }

    @Test
    void legendLinesHeadingsAndRepeatedHeadersAreNeitherRowsNorProblems() {
        assertThat(layout.problems()).isEmpty();
    }

    @Test
    void sectionIsTheLastHeadingAndIsNotChangedByRepeatedLegendLines() {
        assertThat(row("3. HSG/ADL", 1).section()).isEqualTo(RED_SECTION);
        // "Green - On Trajectory" on line 26 is the legend repeated at a page break, not a section.
        assertThat(row("5 SAF/CEX", 1).section()).isEqualTo(RED_SECTION);
        assertThat(row("7SAF/CEX", 1).section()).isEqualTo(RED_SECTION);
        assertThat(row("2.EDU/CYP", 1).section()).isEqualTo(AMBER_WAS_GREEN);
        assertThat(row("CPA CEX 3", 1).section()).isEqualTo(AMBER_WAS_GREEN);
        assertThat(row("CPA Res 7", 1).section()).isEqualTo("Commitments which are now Green");
    }

    @Test
    void headerWithAnExtraEmptyColumnMapsTheEquallyShiftedRow() {
        CommitmentRow r = row("LAA 4.1.3", 1);
        assertThat(r.achieve()).isEqualTo("Cut household waste sent to landfill by 8% LAA 4.1.3");
        assertThat(r.officer()).isNull();
        assertThat(r.statusText()).isEqualTo("Red (Amber at Q1)");
        assertThat(r.comment()).isEqualTo("Tonnage rose over the summer months.");
        // The text under the empty-headed column belongs to the next named column, High Priorities.
        assertThat(r.priority()).isEqualTo("ENV");
    }

    @Test
    void strayOpenBracketIsDroppedFromTheRef() {
        assertThat(layout.rows()).extracting(CommitmentRow::ref).contains("LAA 4.1.3").doesNotContain("LAA 4.1.3 (");
    }

    @Test
    void redWithPreviousAmberAtQ1IsReadAgainstTheReportQuarter() {
        CommitmentRow r = row("LAA 4.1.3", 1);
        assertThat(r.current()).isEqualTo(Rating.RED);
        assertThat(r.statedPrevious()).isEqualTo(Rating.AMBER);
        assertThat(r.statedPreviousPeriod()).isEqualTo(FiscalQuarter.of(2009, 1));
    }

    @Test
    void headerWithTrailingWhitespaceIsStillAHeader() {
        assertThat(row("6. TRN/ENV", 1).officer()).isEqualTo("Omar Reid");
    }

    @Test
    void contRefContinuesTheItemNumberingOfTheSameRef() {
        CommitmentRow cont = row("6. TRN/ENV", 2);
        assertThat(cont.line()).isEqualTo(18);
        assertThat(cont.achieve()).isEqualTo("Raise bus passenger journeys by 5% LAA 6.3");
        assertThat(cont.priority()).isEqualTo("Keep the county moving");
        assertThat(cont.officer()).as("blank officer filled down from item 1").isEqualTo("Omar Reid");
    }

    @Test
    void blankRefRowWithAStatusIsANewItemUnderTheRefAbove() {
        CommitmentRow r = row("6. TRN/ENV", 3);
        assertThat(r.line()).isEqualTo(19);
        assertThat(r.achieve()).isEqualTo("Improve rural bus punctuality to 85% LAA 6.4");
        assertThat(r.priority()).isEqualTo("Keep the county moving");
        assertThat(r.officer()).isEqualTo("Omar Reid");
        assertThat(r.current()).isEqualTo(Rating.RED);
    }

    @Test
    void commentOnlyRowAfterARepeatedHeaderIsAppendedToThePreviousItem() {
        assertThat(row("6. TRN/ENV", 3).comment())
                .isEqualTo("Punctuality reached 79%.\nA new winter timetable starts in January.");
        assertThat(row("6. TRN/ENV", 2).comment()).isEqualTo("Passenger numbers are flat.");
    }

    @Test
    void rowStraightAfterAContinuationStartsANewCommitment() {
        CommitmentRow r = row("8. CUL/LIB", 1);
        assertThat(r.priority()).isEqualTo("Open libraries for longer");
        assertThat(r.comment()).isEqualTo("Three libraries have extended hours so far.");
    }

    @Test
    void endedWithAnUnreadableBoldFinalRatingIsEndedKeepingTheRawCell() {
        CommitmentRow r = row("9 CUL/ART", 1);
        assertThat(r.current()).isEqualTo(Rating.ENDED);
        assertThat(r.statedPrevious()).isNull();
        assertThat(r.statusText()).isEqualTo("Ended in March 2009 Performance at end of the year was <b>Rec</b> and is now closed.");
    }

    @Test
    void unrecognisedBoldStatusIsAProblemNamingFileLineAndStatusColumnWithTheRawLine() {
        String line = "9 CUL/ART\tBroaden arts audiences\tRaise attendance by 6%\tKim Tate\tMeasured locally. <b>Rec</b>\tTypo.";
        CommitmentsParse p = parse(HEADER + "\n" + line + "\n");
        assertThat(p.rows()).isEmpty();
        assertThat(p.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.sourceFile()).isEqualTo("inline.txt");
            assertThat(problem.line()).isEqualTo(2);
            assertThat(problem.column()).isEqualTo("Red/ Amber Green/Achieved");
            assertThat(problem.reason()).contains("'Rec'");
            assertThat(problem.rawLine()).isEqualTo(line);
        });
    }

    @Test
    void endedRowReadsTheFinalRatingAsStatedPreviousInTheQuarterItEnded() {
        CommitmentRow r = row("5 SAF/CEX", 1);
        assertThat(r.current()).isEqualTo(Rating.ENDED);
        assertThat(r.statedPrevious()).isEqualTo(Rating.RED);
        assertThat(r.statedPreviousPeriod()).isEqualTo(FiscalQuarter.of(2008, 4));
        assertThat(r.statusText()).startsWith("2.1 Ended in March 2009");
        assertThat(r.comment()).isEqualTo("2.1 \u2013 replaced by a national indicator.");
    }

    @Test
    void secondEndedLineUnderTheSameRefIsItsOwnItemAndItsCommentIsNotParsedForStatus() {
        CommitmentRow r = row("5 SAF/CEX", 2);
        assertThat(r.achieve()).isEqualTo("slight injuries LAA 2.1& 2.2");
        assertThat(r.current()).isEqualTo(Rating.ENDED);
        assertThat(r.statedPrevious()).isNull();
        assertThat(r.officer()).isEqualTo("Dee Marsh");
        assertThat(r.comment()).contains("<b>Red,</b>");
    }

    @Test
    void measuredNationallyWithBoldRedIsRedAndKeepsTheRawCell() {
        CommitmentRow r = row("7SAF/CEX", 1);
        assertThat(r.current()).isEqualTo(Rating.RED);
        assertThat(r.statusText()).isEqualTo("Measured nationally. <b>Red</b>");
        assertThat(r.priority()).isNull();
        assertThat(r.officer()).isEqualTo("Al Fox/ Bo Kay");
    }

    @Test
    void amberThatWasGreenAtQ1() {
        assertThat(layout.rows()).filteredOn(r -> r.section().equals(AMBER_WAS_GREEN) && r.current() == Rating.AMBER)
                .extracting(CommitmentRow::ref, CommitmentRow::statedPrevious, CommitmentRow::statedPreviousPeriod)
                .containsExactly(
                        tuple("2.EDU/CYP", Rating.GREEN, FiscalQuarter.of(2009, 1)),
                        tuple("CPA Fin 4", Rating.GREEN, FiscalQuarter.of(2009, 1)),
                        tuple("CPA CEX 3", Rating.GREEN, FiscalQuarter.of(2009, 1)));
    }

    @Test
    void blankPriorityUnderADifferentRefIsNotFilledDown() {
        assertThat(row("CPA Fin 4", 1).priority()).isNull();
    }

    @Test
    void onlyThePreviousStatusGivenUnderANowAmberHeadingIsAmber() {
        CommitmentRow r = row("CPA CEX 3", 1);
        assertThat(r.current()).isEqualTo(Rating.AMBER);
        assertThat(r.statedPrevious()).isEqualTo(Rating.GREEN);
        assertThat(r.statedPreviousPeriod()).isEqualTo(FiscalQuarter.of(2009, 1));
        assertThat(r.statusText()).isEqualTo("(Green at Q1)");
    }

    @Test
    void greenWasAmberAtQuarter1AndAchievedWasShowingAmber() {
        assertThat(row("CPA Res 6", 1)).extracting(CommitmentRow::current, CommitmentRow::statedPrevious)
                .containsExactly(Rating.GREEN, Rating.AMBER);
        assertThat(row("CPA Res 7", 1)).extracting(CommitmentRow::current, CommitmentRow::statedPrevious,
                CommitmentRow::statedPreviousPeriod).containsExactly(Rating.ACHIEVED, Rating.AMBER, FiscalQuarter.of(2009, 1));
    }

    @Test
    void toleratesWindowsLineEndsAndAByteOrderMark() {
        CommitmentsParse p = parse("\uFEFF#### Red Commitments\r\n" + HEADER + "\r\nA1\tP\tDo it\tOlu\tRed\tLate.\r\n");
        assertThat(p.problems()).isEmpty();
        assertThat(p.rows()).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(3);
            assertThat(r.section()).isEqualTo(RED_SECTION);
            assertThat(r.comment()).isEqualTo("Late.");
        });
    }

    @Test
    void bareRatingWordOnItsOwnLineIsASectionHeading() {
        CommitmentsParse p = parse("Amber\n" + HEADER + "\nA1\tP\tDo it\tOlu\tAmber\tSlipping.\n");
        assertThat(p.rows()).singleElement().extracting(CommitmentRow::section).isEqualTo("Amber");
    }

    @Test
    void textInAnEmptyHeadedColumnJoinsTheNextNamedColumn() {
        CommitmentsParse p = parse("REF\t\tHigh Priorities\tWe Will Achieve\tResponsible Officer\tRed/ Amber Green/Achieved\tComments On Progress\n"
                + "A1\tCYP\tSafer children\tDo it\tOlu\tGreen\tOn track.\n");
        assertThat(p.rows()).singleElement().extracting(CommitmentRow::priority).isEqualTo("CYP Safer children");
    }

    @Test
    void blankStatusWithTextIsNotAvailable() {
        CommitmentsParse p = parse(HEADER + "\nA1\tP\tDo it\tOlu\t\tNo update this quarter.\n");
        assertThat(p.problems()).isEmpty();
        assertThat(p.rows()).singleElement().satisfies(r -> {
            assertThat(r.current()).isEqualTo(Rating.NOT_AVAILABLE);
            assertThat(r.statusText()).isEmpty();
        });
    }

    @Test
    void sameRefInTwoSectionsKeepsCountingItems() {
        CommitmentsParse p = parse("#### Red Commitments\n" + HEADER + "\nA1\tP\tFirst\tOlu\tRed\t\n"
                + "#### Green Commitments\n" + HEADER + "\nA1\tP\tSecond\tOlu\tGreen\t\n");
        assertThat(p.rows()).extracting(CommitmentRow::item, CommitmentRow::section)
                .containsExactly(tuple(1, "Red Commitments"), tuple(2, "Green Commitments"));
    }

    @Test
    void unreadableTextFailsNamingTheFile() {
        Reader broken = new Reader() {
            @Override
            public int read(char[] buffer, int offset, int length) throws IOException {
                throw new IOException("disk went away");
            }

            @Override
            public void close() {
            }
        };
        assertThatThrownBy(() -> CommitmentsReportParser.parse(FILE, broken, Q2))
                .isInstanceOf(CommitmentsFileException.class)
                .hasMessageContaining(FILE)
                .hasMessageContaining("disk went away");
    }
}
