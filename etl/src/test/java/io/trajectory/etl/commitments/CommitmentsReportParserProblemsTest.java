package io.trajectory.etl.commitments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.trajectory.warehouse.period.FiscalQuarter;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Broken rows in {@code report-broken.txt} become problems; the two sound rows still load. */
class CommitmentsReportParserProblemsTest {

    private static final String FILE = "report-broken.txt";
    private static final String STATUS = "Red/ Amber Green/Achieved";
    private static CommitmentsParse parsed;

    @BeforeAll
    static void parseBroken() throws IOException {
        try (Reader r = CommitmentFixtures.reader(FILE)) {
            parsed = CommitmentsReportParser.parse(FILE, r, FiscalQuarter.of(2009, 2));
        }
    }

    private static ParseProblem problemOn(int line) {
        return parsed.problems().stream().filter(p -> p.line() == line).findFirst()
                .orElseThrow(() -> new AssertionError("no problem on line " + line + " in " + parsed.problems()));
    }

    @Test
    void soundRowsAmongBrokenOnesStillLoad() {
        assertThat(parsed.rows()).extracting(CommitmentRow::line, CommitmentRow::ref, CommitmentRow::item)
                .containsExactly(tuple(8, "2. OK/ONE", 1), tuple(14, "6. OK/TWO", 1));
    }

    @Test
    void everyBrokenLineIsAProblemNamingFileLineAndColumn() {
        assertThat(parsed.problems()).extracting(ParseProblem::sourceFile).containsOnly(FILE);
        assertThat(parsed.problems()).extracting(ParseProblem::line, ParseProblem::column).containsExactly(
                tuple(1, null), tuple(2, null), tuple(7, null), tuple(9, STATUS), tuple(10, STATUS),
                tuple(11, null), tuple(12, null), tuple(13, null), tuple(15, null), tuple(16, null));
    }

    @Test
    void tableRowBeforeAnyHeaderIsAProblem() {
        assertThat(problemOn(1).reason()).contains("before any header");
        assertThat(problemOn(2).reason()).contains("before any header");
    }

    @Test
    void continuationRowWithNothingBeforeItIsAProblem() {
        assertThat(problemOn(7).reason()).contains("nothing before it").contains("Amber Commitments");
    }

    @Test
    void refWithNoStatusAndNoTextIsAProblem() {
        assertThat(problemOn(9).reason()).contains("REF but no status and no text");
    }

    @Test
    void statusThatCannotBeUnderstoodIsAProblemQuotingTheCell() {
        assertThat(problemOn(10).reason()).contains("status not understood").contains("'Purple'");
    }

    @Test
    void continuationOfARejectedRowIsRejectedRatherThanAttachedElsewhere() {
        assertThat(problemOn(11).reason()).contains("continues line 10");
        assertThat(parsed.rows()).extracting(CommitmentRow::comment).doesNotContain("More words for the row with the bad status.")
                .allSatisfy(c -> assertThat(c).doesNotContain("bad status"));
    }

    @Test
    void rowWithMoreCellsThanTheHeaderIsAProblem() {
        assertThat(problemOn(12).reason()).contains("7 cells").contains("line 6 has 6");
    }

    @Test
    void strayLineWithoutColumnsIsAProblem() {
        assertThat(problemOn(13).reason()).contains("not a table row");
    }

    @Test
    void headerWithoutAStatusColumnMakesItAndItsRowsProblems() {
        assertThat(problemOn(15).reason()).contains("'Red/ Amber Green/Achieved'");
        assertThat(problemOn(16).reason()).contains("unusable header row on line 15");
    }

    @Test
    void nothingIsLostEveryNonBlankLineIsARowAHeaderAHeadingOrAProblemWithItsRawText() {
        List<String> lines = CommitmentFixtures.lines(FILE);
        Set<Integer> accounted = new HashSet<>();
        parsed.rows().forEach(r -> accounted.add(r.line()));
        for (ParseProblem p : parsed.problems()) {
            assertThat(p.rawLine()).isEqualTo(lines.get(p.line() - 1));
            accounted.add(p.line());
        }
        List<Integer> unaccounted = new ArrayList<>();
        for (int i = 1; i <= lines.size(); i++) {
            String line = lines.get(i - 1);
            boolean furniture = line.isBlank() || line.startsWith("#") || line.equals(
                    "REF\tHigh Priorities\tWe Will Achieve\tResponsible Officer\tRed/ Amber Green/Achieved\tComments On Progress");
            if (!furniture && !accounted.contains(i)) {
                unaccounted.add(i);
            }
        }
        assertThat(unaccounted).isEmpty();
    }
}
