package io.trajectory.warehouse.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import io.trajectory.warehouse.period.FiscalQuarter;
import org.junit.jupiter.api.Test;

class CommitmentStatusTest {

    private static final FiscalQuarter Q2_2008 = FiscalQuarter.of(2008, 2);
    private static final FiscalQuarter Q1_2008 = FiscalQuarter.of(2008, 1);

    private static CommitmentStatus parse(String cell) {
        return CommitmentStatus.parse(cell, Q2_2008);
    }

    @Test
    void parse_readsPlainRed() {
        CommitmentStatus s = parse("Red");
        assertThat(s.understood()).isTrue();
        assertThat(s.current()).isEqualTo(Rating.RED);
        assertThat(s.statedPrevious()).isNull();
        assertThat(s.statedPreviousPeriod()).isNull();
        assertThat(s.problem()).isNull();
        assertThat(s.raw()).isEqualTo("Red");
    }

    @Test
    void parse_ignoresCaseAndSurroundingSpace() {
        assertThat(parse("  aMBER ").current()).isEqualTo(Rating.AMBER);
        assertThat(parse("ACHIEVED").current()).isEqualTo(Rating.ACHIEVED);
        assertThat(parse("green.").current()).isEqualTo(Rating.GREEN);
    }

    @Test
    void parse_readsSingleLetterRatings() {
        assertThat(parse("G").current()).isEqualTo(Rating.GREEN);
        assertThat(parse("R").current()).isEqualTo(Rating.RED);
    }

    @Test
    void parse_blankCellIsNotAvailableAndUnderstood() {
        for (String blank : new String[] {null, "", "   ", "<b></b>"}) {
            CommitmentStatus s = parse(blank);
            assertThat(s.understood()).as("'%s'", blank).isTrue();
            assertThat(s.current()).isEqualTo(Rating.NOT_AVAILABLE);
            assertThat(s.statedPrevious()).isNull();
        }
        assertThat(parse(null).raw()).isEmpty();
    }

    @Test
    void parse_readsCurrentAndPreviousFromBracketedAtQ1() {
        CommitmentStatus s = parse("Red (Amber at Q1)");
        assertThat(s.current()).isEqualTo(Rating.RED);
        assertThat(s.statedPrevious()).isEqualTo(Rating.AMBER);
        assertThat(s.statedPreviousPeriod()).isEqualTo(FiscalQuarter.of(2008, 1));
    }

    @Test
    void parse_readsAmberWasGreenAtQ1() {
        CommitmentStatus s = parse("Amber (Green at Q1)");
        assertThat(s.current()).isEqualTo(Rating.AMBER);
        assertThat(s.statedPrevious()).isEqualTo(Rating.GREEN);
        assertThat(s.statedPreviousPeriod()).hasToString("2008/09 Q1");
    }

    @Test
    void parse_readsLowerCasePreviousAtQuarterSpelledOut() {
        CommitmentStatus s = parse("Green (amber at Quarter 1)");
        assertThat(s.current()).isEqualTo(Rating.GREEN);
        assertThat(s.statedPrevious()).isEqualTo(Rating.AMBER);
        assertThat(s.statedPreviousPeriod()).isEqualTo(FiscalQuarter.of(2008, 1));
    }

    @Test
    void parse_readsAchievedWasShowingAmberAtQuarter1() {
        CommitmentStatus s = parse("Achieved Was showing amber at Quarter 1");
        assertThat(s.current()).isEqualTo(Rating.ACHIEVED);
        assertThat(s.statedPrevious()).isEqualTo(Rating.AMBER);
        assertThat(s.statedPreviousPeriod()).isEqualTo(FiscalQuarter.of(2008, 1));
    }

    @Test
    void parse_onlyPreviousStatedGivesNotAvailableCurrentWithThatPrevious() {
        CommitmentStatus s = parse("(Green at Q1)");
        assertThat(s.understood()).isTrue();
        assertThat(s.current()).isEqualTo(Rating.NOT_AVAILABLE);
        assertThat(s.statedPrevious()).isEqualTo(Rating.GREEN);
        assertThat(s.statedPreviousPeriod()).isEqualTo(FiscalQuarter.of(2008, 1));
    }

    @Test
    void parse_atQ4InAQ1ReportMeansThePreviousYearsQ4() {
        CommitmentStatus s = CommitmentStatus.parse("Amber (Red at Q4)", Q1_2008);
        assertThat(s.current()).isEqualTo(Rating.AMBER);
        assertThat(s.statedPrevious()).isEqualTo(Rating.RED);
        assertThat(s.statedPreviousPeriod()).isEqualTo(FiscalQuarter.of(2007, 4));
    }

    @Test
    void parse_atQ3InAQ2ReportMeansThePreviousYearsQ3() {
        assertThat(parse("Green (Red at Q3)").statedPreviousPeriod()).isEqualTo(FiscalQuarter.of(2007, 3));
    }

    @Test
    void parse_explicitYearAfterTheQuarterWins() {
        CommitmentStatus s = parse("Green (Amber at Q4 2006/07)");
        assertThat(s.statedPrevious()).isEqualTo(Rating.AMBER);
        assertThat(s.statedPreviousPeriod()).isEqualTo(FiscalQuarter.of(2006, 4));
    }

    @Test
    void parse_lastQuarterMeansTheQuarterBeforeTheReport() {
        CommitmentStatus s = parse("Amber (Green last quarter)");
        assertThat(s.current()).isEqualTo(Rating.AMBER);
        assertThat(s.statedPrevious()).isEqualTo(Rating.GREEN);
        assertThat(s.statedPreviousPeriod()).isEqualTo(FiscalQuarter.of(2008, 1));
    }

    @Test
    void parse_boldRatingAfterProseIsTheCurrentStatus() {
        CommitmentStatus s = parse("Measured nationally. <b>Red</b>");
        assertThat(s.understood()).isTrue();
        assertThat(s.current()).isEqualTo(Rating.RED);
        assertThat(s.statedPrevious()).isNull();
        assertThat(s.raw()).isEqualTo("Measured nationally. <b>Red</b>");
    }

    @Test
    void parse_stripsOtherHtmlTagsAndEntities() {
        assertThat(parse("<p><strong>Amber</strong>&nbsp;(<i>Green</i> at Q1)</p>").current()).isEqualTo(Rating.AMBER);
        assertThat(parse("<B>GREEN</B>").current()).isEqualTo(Rating.GREEN);
    }

    @Test
    void parse_endedWithFinalBoldRatingGivesEndedAndThatRatingAtTheEndQuarter() {
        CommitmentStatus s = parse("Ended in March 2008 Performance at end of the year was <b>Red</b>");
        assertThat(s.understood()).isTrue();
        assertThat(s.current()).isEqualTo(Rating.ENDED);
        assertThat(s.statedPrevious()).isEqualTo(Rating.RED);
        assertThat(s.statedPreviousPeriod()).isEqualTo(FiscalQuarter.of(2007, 4));
    }

    @Test
    void parse_endedPrefixedWithSubIndicatorNumberIsStillEnded() {
        CommitmentStatus s = parse("7.21 Ended in March 2008 Performance was recorded as Red and has previously been reported upon.");
        assertThat(s.current()).isEqualTo(Rating.ENDED);
        assertThat(s.statedPrevious()).isEqualTo(Rating.RED);
        assertThat(s.statedPreviousPeriod()).isEqualTo(FiscalQuarter.of(2007, 4));
    }

    @Test
    void parse_endedWithoutFinalRatingHasNoPrevious() {
        CommitmentStatus s = parse("7.22 Ended IN March 2008");
        assertThat(s.understood()).isTrue();
        assertThat(s.current()).isEqualTo(Rating.ENDED);
        assertThat(s.statedPrevious()).isNull();
        assertThat(s.statedPreviousPeriod()).isNull();
    }

    @Test
    void parse_endedInAFiscalYearMeansItsLastQuarter() {
        CommitmentStatus s = parse("Ended 2007/08, last rated Green");
        assertThat(s.current()).isEqualTo(Rating.ENDED);
        assertThat(s.statedPrevious()).isEqualTo(Rating.GREEN);
        assertThat(s.statedPreviousPeriod()).isEqualTo(FiscalQuarter.of(2007, 4));
    }

    @Test
    void parse_endedWithAnUnrecognisedBoldWordIsNotUnderstood() {
        String cell = "Ended in March 2008 Performance at end of the year was <b>Rec</b> and has been previously reported on.";
        CommitmentStatus s = parse(cell);
        assertThat(s.understood()).isFalse();
        assertThat(s.problem()).contains("'Rec'");
        assertThat(s.raw()).isEqualTo(cell);
        assertThat(s.current()).isNull();
        assertThat(s.statedPrevious()).isNull();
    }

    @Test
    void parse_boldRatingWithTrailingCommaIsRecognised() {
        assertThat(parse("Measured nationally. <b>Red,</b>").current()).isEqualTo(Rating.RED);
    }

    @Test
    void parse_misspelledRatingIsNotUnderstood() {
        CommitmentStatus s = parse("Gren");
        assertThat(s.understood()).isFalse();
        assertThat(s.problem()).contains("no recognisable status");
    }

    @Test
    void parse_misspelledCurrentBesidePreviousIsNotUnderstoodRatherThanNotAvailable() {
        CommitmentStatus s = parse("Gren (Amber at Q1)");
        assertThat(s.understood()).isFalse();
        assertThat(s.problem()).contains("no recognisable current status").contains("Gren");
    }

    @Test
    void parse_proseWithNoStatusIsNotUnderstood() {
        assertThat(parse("Measured nationally.").understood()).isFalse();
        assertThat(parse("see comments").problem()).isNotBlank();
    }

    @Test
    void parse_twoCurrentStatusesIsNotUnderstood() {
        CommitmentStatus s = parse("Red/Amber");
        assertThat(s.understood()).isFalse();
        assertThat(s.problem()).contains("Red").contains("Amber");
    }

    @Test
    void parse_wordsContainingRatingsAreNotRatings() {
        assertThat(parse("Reduced").understood()).isFalse();
        assertThat(parse("Greenhouse gases: Amber").current()).isEqualTo(Rating.AMBER);
    }

    @Test
    void parse_notAvailableWordingIsNotAvailable() {
        assertThat(parse("Not available").current()).isEqualTo(Rating.NOT_AVAILABLE);
        assertThat(parse("n/a (Green at Q1)").statedPrevious()).isEqualTo(Rating.GREEN);
        assertThat(parse("n/a (Green at Q1)").current()).isEqualTo(Rating.NOT_AVAILABLE);
    }

    @Test
    void parse_completedMeansAchieved() {
        assertThat(parse("Completed").current()).isEqualTo(Rating.ACHIEVED);
    }

    @Test
    void parse_requiresTheReportQuarter() {
        assertThatNullPointerException().isThrownBy(() -> CommitmentStatus.parse("Red", null))
                .withMessageContaining("reportQuarter");
    }

    @Test
    void constructor_requiresCurrentWhenUnderstood() {
        assertThatNullPointerException().isThrownBy(() -> new CommitmentStatus("Red", null, null, null, null));
    }
}
