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
    void parse_endedWithAnUnreadableBoldFinalRatingIsEndedWithNoStatedPrevious() {
        String cell = "Ended in March 2008 Performance at end of the year was <b>Rec</b> and has been previously reported on.";
        CommitmentStatus s = parse(cell);
        assertThat(s.understood()).isTrue();
        assertThat(s.current()).isEqualTo(Rating.ENDED);
        assertThat(s.statedPrevious()).as("'Rec' is not guessed to be Red").isNull();
        assertThat(s.statedPreviousPeriod()).isNull();
        assertThat(s.raw()).as("the unreadable rating stays in the raw text").isEqualTo(cell);
    }

    @Test
    void parse_endedWithAnUnreadableBoldFinalRatingIgnoresOtherRatingWordsAsTheFinalOne() {
        CommitmentStatus s = parse("Ended in March 2008; was <b>Gren</b>, Red the year before");
        assertThat(s.current()).isEqualTo(Rating.ENDED);
        assertThat(s.statedPrevious()).isNull();
    }

    @Test
    void parse_unrecognisedBoldWordWithoutEndedIsStillNotUnderstood() {
        CommitmentStatus s = parse("Measured nationally. <b>Rec</b>");
        assertThat(s.understood()).isFalse();
        assertThat(s.problem()).contains("'Rec'");
        assertThat(s.current()).isNull();
    }

    @Test
    void parse_ratingAfterALabelAndAnIndicatorCodeWithPreviousAtQ1() {
        CommitmentStatus s = parse("Carers (NI135) = Green (Amber at Q1)");
        assertThat(s.current()).isEqualTo(Rating.GREEN);
        assertThat(s.statedPrevious()).isEqualTo(Rating.AMBER);
        assertThat(s.statedPreviousPeriod()).isEqualTo(FiscalQuarter.of(2008, 1));
    }

    @Test
    void parse_ratingFollowedByNoInformationLastTimeHasNoPrevious() {
        CommitmentStatus s = parse("Green No info last time");
        assertThat(s.current()).isEqualTo(Rating.GREEN);
        assertThat(s.statedPrevious()).isNull();
    }

    @Test
    void parse_unclosedBracketAroundThePreviousStatus() {
        CommitmentStatus s = parse("Achieved (Green at Q1");
        assertThat(s.current()).isEqualTo(Rating.ACHIEVED);
        assertThat(s.statedPrevious()).isEqualTo(Rating.GREEN);
        assertThat(s.statedPreviousPeriod()).isEqualTo(FiscalQuarter.of(2008, 1));
    }

    @Test
    void parse_onlyPreviousStatedUnderAHeadingThatImpliesTheCurrentStatusTakesTheHeadings() {
        CommitmentStatus s = CommitmentStatus.parse("(Green at Q1)", Q2_2008, Rating.AMBER);
        assertThat(s.current()).isEqualTo(Rating.AMBER);
        assertThat(s.statedPrevious()).isEqualTo(Rating.GREEN);
        assertThat(s.statedPreviousPeriod()).isEqualTo(FiscalQuarter.of(2008, 1));
    }

    @Test
    void parse_impliedStatusNeverOverridesWhatTheCellSays() {
        assertThat(CommitmentStatus.parse("Red (Green at Q1)", Q2_2008, Rating.AMBER).current()).isEqualTo(Rating.RED);
        assertThat(CommitmentStatus.parse("", Q2_2008, Rating.AMBER).current()).isEqualTo(Rating.NOT_AVAILABLE);
        assertThat(CommitmentStatus.parse("Gren (Green at Q1)", Q2_2008, Rating.AMBER).understood()).isFalse();
    }

    @Test
    void impliedBySection_readsTheRatingAfterNowOrTheOnlyRatingNamed() {
        assertThat(CommitmentStatus.impliedBySection("Commitments which are now Amber That Were Green Last Quarter"))
                .contains(Rating.AMBER);
        assertThat(CommitmentStatus.impliedBySection("Red Commitments")).contains(Rating.RED);
        assertThat(CommitmentStatus.impliedBySection("Commitments which are now Green")).contains(Rating.GREEN);
        assertThat(CommitmentStatus.impliedBySection("Achieved")).contains(Rating.ACHIEVED);
    }

    @Test
    void impliedBySection_isEmptyWhenTheHeadingNamesNoSingleCurrentStatus() {
        assertThat(CommitmentStatus.impliedBySection("Commitments that were Green last quarter")).isEmpty();
        assertThat(CommitmentStatus.impliedBySection("Red and Amber Commitments")).isEmpty();
        assertThat(CommitmentStatus.impliedBySection("Corporate Commitments")).isEmpty();
        assertThat(CommitmentStatus.impliedBySection(null)).isEmpty();
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
