package io.trajectory.warehouse.rating;

import static io.trajectory.warehouse.indicator.Accumulation.CUMULATIVE_YTD;
import static io.trajectory.warehouse.indicator.Accumulation.LEVEL;
import static io.trajectory.warehouse.indicator.Polarity.HIGHER_IS_BETTER;
import static io.trajectory.warehouse.indicator.Polarity.LOWER_IS_BETTER;
import static org.assertj.core.api.Assertions.assertThat;

import io.trajectory.warehouse.indicator.Accumulation;
import io.trajectory.warehouse.indicator.Polarity;
import io.trajectory.warehouse.period.FiscalQuarter;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class TrajectoryRatingRuleTest {

    /** The rule on its projection alone: no amber tolerance. */
    private static final RatingRule RULE = TrajectoryRatingRule.of(0, 0);

    private static FiscalQuarter q(String text) {
        return FiscalQuarter.parse(text);
    }

    private static RatingInputs.Builder in(Polarity pol, Accumulation acc, String period) {
        return RatingInputs.builder(pol, acc, q(period));
    }

    /** Attendance allowance caseload at 2007/08 Q4: 16,379 against 16,750 planned, target 17,500 by 2008/09 Q4. */
    private static RatingInputs.Builder caseloadBehind() {
        return in(HIGHER_IS_BETTER, LEVEL, "2007/08 Q4").actual(16379.0).planned(16750.0).baseline(15240.0)
                .finalTarget(17500.0, q("2008/09 Q4"));
    }

    // --- no numbers ---

    @Test
    void rate_isNotAvailableWithoutAnActual() {
        ComputedRating r = RULE.rate(in(HIGHER_IS_BETTER, LEVEL, "2007/08 Q4").planned(100.0).build());
        assertThat(r.rating()).isEqualTo(Rating.NOT_AVAILABLE);
        assertThat(r.reason()).isEqualTo("No actual reported for 2007/08 Q4.");
    }

    @Test
    void rate_isNotAvailableRatherThanNoTargetWhenBothAreMissing() {
        assertThat(RULE.rate(in(HIGHER_IS_BETTER, LEVEL, "2007/08 Q4").build()).rating()).isEqualTo(Rating.NOT_AVAILABLE);
    }

    @Test
    void rate_isNoTargetWithoutAPlannedValue() {
        ComputedRating r = RULE.rate(in(HIGHER_IS_BETTER, LEVEL, "2007/08 Q4").actual(5.0).build());
        assertThat(r.rating()).isEqualTo(Rating.NO_TARGET);
        assertThat(r.reason()).isEqualTo("No planned value for 2007/08 Q4: baseline or target not yet set.");
    }

    // --- GREEN ---

    @Test
    void rate_isGreenWhenAheadOfTrajectoryAndHigherIsBetter() {
        ComputedRating r = RULE.rate(caseloadBehind().actual(16800.0).build());
        assertThat(r.rating()).isEqualTo(Rating.GREEN);
        assertThat(r.reason()).isEqualTo("On or ahead of trajectory: 16,800 against 16,750 planned.");
    }

    @Test
    void rate_isGreenWhenExactlyOnTrajectory() {
        assertThat(RULE.rate(caseloadBehind().actual(16750.0).build()).rating()).isEqualTo(Rating.GREEN);
    }

    @Test
    void rate_isGreenWhenOnTrajectoryBarFloatingPointNoise() {
        // 0.1 + 0.2 is a hair above 0.3, so lower-is-better would be a hair behind.
        RatingInputs noisy = in(LOWER_IS_BETTER, LEVEL, "2007/08 Q4").actual(0.1 + 0.2).planned(0.3).build();
        assertThat(RULE.rate(noisy).rating()).isEqualTo(Rating.GREEN);
    }

    @Test
    void rate_isGreenWhenBelowTrajectoryAndLowerIsBetter() {
        ComputedRating r = RULE.rate(in(LOWER_IS_BETTER, LEVEL, "2007/08 Q2").actual(37.5).planned(38.0).build());
        assertThat(r.rating()).isEqualTo(Rating.GREEN);
        assertThat(r.reason()).isEqualTo("On or ahead of trajectory: 37.5 against 38 planned.");
    }

    // --- LEVEL: behind, projected by the trend ---

    @Test
    void rate_isAmberWhenBehindButTheTrendMeetsTheTargetInTime() {
        // 4 quarters to go: 16,379 + 4 x 300 = 17,579, at least 17,500.
        ComputedRating r = RULE.rate(caseloadBehind().slopePerQuarter(300.0).build());
        assertThat(r.rating()).isEqualTo(Rating.AMBER);
        assertThat(r.reason()).isEqualTo("Behind trajectory (16,379 against 16,750 planned), but the recent trend "
                + "(+300 a quarter) projects 17,579 by 2008/09 Q4, meeting the target of 17,500.");
    }

    @Test
    void rate_isAmberWhenTheTrendMeetsTheTargetExactly() {
        // 16,379 + 4 x 280.25 = 17,500.
        assertThat(RULE.rate(caseloadBehind().slopePerQuarter(280.25).build()).rating()).isEqualTo(Rating.AMBER);
    }

    @Test
    void rate_isRedWhenBehindAndTheTrendFallsShort() {
        // 16,379 + 4 x 250 = 17,379, short of 17,500.
        ComputedRating r = RULE.rate(caseloadBehind().slopePerQuarter(250.0).build());
        assertThat(r.rating()).isEqualTo(Rating.RED);
        assertThat(r.reason()).isEqualTo("Behind trajectory (16,379 against 16,750 planned), and the recent trend "
                + "(+250 a quarter) projects 17,379 by 2008/09 Q4, short of the target of 17,500.");
    }

    @Test
    void rate_isRedWhenBehindWithNoKnownTrend() {
        ComputedRating r = RULE.rate(caseloadBehind().build());
        assertThat(r.rating()).isEqualTo(Rating.RED);
        assertThat(r.reason()).isEqualTo("Behind trajectory (16,379 against 16,750 planned), with no recent trend "
                + "to show the target of 17,500 will be met.");
    }

    @Test
    void rate_isRedWhenBehindWithNoFinalTarget() {
        ComputedRating r = RULE.rate(caseloadBehind().finalTarget(null, null).slopePerQuarter(1000.0).build());
        assertThat(r.rating()).isEqualTo(Rating.RED);
        assertThat(r.reason()).contains("no final target");
    }

    @Test
    void rate_isRedWhenBehindAtTheTargetDateWhateverTheTrend() {
        ComputedRating r = RULE.rate(in(HIGHER_IS_BETTER, LEVEL, "2008/09 Q4").actual(17000.0).planned(17500.0)
                .finalTarget(17500.0, q("2008/09 Q4")).slopePerQuarter(1000.0).build());
        assertThat(r.rating()).isEqualTo(Rating.RED);
        assertThat(r.reason()).isEqualTo("Behind trajectory (17,000 against 17,500 planned) at or after the target date, 2008/09 Q4.");
    }

    @Test
    void rate_isAmberWhenAboveTrajectoryButFallingFastEnoughAndLowerIsBetter() {
        // Re-offending: 6 quarters to go; 38.5 - 6 x 1.2 = 31.3, at or below the target of 32.
        ComputedRating r = RULE.rate(in(LOWER_IS_BETTER, LEVEL, "2007/08 Q2").actual(38.5).planned(38.0)
                .finalTarget(32.0, q("2008/09 Q4")).slopePerQuarter(-1.2).build());
        assertThat(r.rating()).isEqualTo(Rating.AMBER);
        assertThat(r.reason()).isEqualTo("Behind trajectory (38.5 against 38 planned), but the recent trend "
                + "(-1.2 a quarter) projects 31.3 by 2008/09 Q4, meeting the target of 32.");
    }

    @Test
    void rate_isRedWhenAboveTrajectoryAndNotFallingFastEnoughAndLowerIsBetter() {
        // 38.5 - 6 x 1.0 = 32.5, above the target of 32.
        RatingInputs.Builder b = in(LOWER_IS_BETTER, LEVEL, "2007/08 Q2").actual(38.5).planned(38.0)
                .finalTarget(32.0, q("2008/09 Q4"));
        assertThat(RULE.rate(b.slopePerQuarter(-1.0).build()).rating()).isEqualTo(Rating.RED);
        // A rising trend when lower is better can never recover.
        assertThat(RULE.rate(b.slopePerQuarter(0.5).build()).rating()).isEqualTo(Rating.RED);
    }

    // --- CUMULATIVE_YTD: behind, projected to the year end ---

    @Test
    void rate_isAmberWhenCumulativeRateReachesTheYearEndPlan() {
        // Q2: 705 x 4 / 2 = 1,410, at least the planned 1,400 (the profile is front-loaded: 720 by Q2).
        ComputedRating r = RULE.rate(in(HIGHER_IS_BETTER, CUMULATIVE_YTD, "2008/09 Q2").actual(705.0).planned(720.0)
                .annualPlannedAtYearEnd(1400.0).build());
        assertThat(r.rating()).isEqualTo(Rating.AMBER);
        assertThat(r.reason()).isEqualTo("Behind trajectory (705 against 720 planned), but the year-to-date rate "
                + "projects 1,410 by the year end, meeting the planned 1,400.");
    }

    @Test
    void rate_isRedWhenCumulativeRateFallsShortOfTheYearEndPlan() {
        // 690 x 4 / 2 = 1,380.
        ComputedRating r = RULE.rate(in(HIGHER_IS_BETTER, CUMULATIVE_YTD, "2008/09 Q2").actual(690.0).planned(720.0)
                .annualPlannedAtYearEnd(1400.0).build());
        assertThat(r.rating()).isEqualTo(Rating.RED);
        assertThat(r.reason()).isEqualTo("Behind trajectory (690 against 720 planned), and the year-to-date rate "
                + "projects 1,380 by the year end, short of the planned 1,400.");
    }

    @Test
    void rate_projectsTheCumulativeRateWhenLowerIsBetter() {
        // Q3: 930 x 4 / 3 = 1,240, within the planned 1,250; 960 x 4 / 3 = 1,280 is not.
        RatingInputs.Builder b = in(LOWER_IS_BETTER, CUMULATIVE_YTD, "2007/08 Q3").planned(900.0).annualPlannedAtYearEnd(1250.0);
        assertThat(RULE.rate(b.actual(930.0).build()).rating()).isEqualTo(Rating.AMBER);
        assertThat(RULE.rate(b.actual(960.0).build()).rating()).isEqualTo(Rating.RED);
    }

    @Test
    void rate_ignoresTheSlopeWhenCumulative() {
        ComputedRating r = RULE.rate(in(HIGHER_IS_BETTER, CUMULATIVE_YTD, "2008/09 Q2").actual(705.0).planned(720.0)
                .annualPlannedAtYearEnd(1400.0).slopePerQuarter(-1000.0).build());
        assertThat(r.rating()).isEqualTo(Rating.AMBER);
    }

    @Test
    void rate_isRedWhenCumulativeWithoutAYearEndPlan() {
        ComputedRating r = RULE.rate(in(HIGHER_IS_BETTER, CUMULATIVE_YTD, "2008/09 Q2").actual(705.0).planned(720.0).build());
        assertThat(r.rating()).isEqualTo(Rating.RED);
        assertThat(r.reason()).contains("no planned year-end value");
    }

    // --- naming and wording ---

    @Test
    void name_isTrajectory() {
        assertThat(RULE.name()).isEqualTo("trajectory");
        assertThat(RULE.description()).startsWith("Green when on or ahead of trajectory");
    }

    @Test
    void reason_usesUkNumbersWhateverTheDefaultLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertThat(RULE.rate(caseloadBehind().actual(16800.5).build()).reason())
                    .isEqualTo("On or ahead of trajectory: 16,800.5 against 16,750 planned.");
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void rate_isAmberWhenALittleBehindAndRedWhenWellBehindByDefault() {
        // 100 to 200 planned improvement: 15% of it is 15. 140 planned, no trend to recover with.
        RatingRule rule = TrajectoryRatingRule.create();
        RatingInputs.Builder b = in(HIGHER_IS_BETTER, LEVEL, "2007/08 Q2").planned(140.0).baseline(100.0)
                .finalTarget(200.0, FiscalQuarter.parse("2008/09 Q4"));
        ComputedRating close = rule.rate(b.actual(126.0).build());
        assertThat(close.rating()).isEqualTo(Rating.AMBER);
        assertThat(close.reason()).isEqualTo("Behind trajectory (126 against 140 planned), but within 15 "
                + "(15% of the planned improvement from 100 to 200).");
        assertThat(rule.rate(b.actual(125.0).build()).rating()).as("exactly 15 behind").isEqualTo(Rating.AMBER);
        assertThat(rule.rate(b.actual(124.0).build()).rating()).isEqualTo(Rating.RED);
    }

    @Test
    void rate_measuresACumulativeShortfallAgainstTheYearToDatePlan() {
        RatingRule rule = TrajectoryRatingRule.of(0.15, 0.10);
        RatingInputs.Builder b = in(LOWER_IS_BETTER, CUMULATIVE_YTD, "2008/09 Q2").planned(400.0).baseline(450.0)
                .annualPlannedAtYearEnd(800.0);
        assertThat(rule.rate(b.actual(440.0).build()).rating()).isEqualTo(Rating.AMBER);
        assertThat(rule.rate(b.actual(441.0).build()).rating()).as("projects 882, short of 800").isEqualTo(Rating.RED);
    }

    @Test
    void rate_usesThePlannedValueWhenThereIsNoBaseline() {
        RatingRule rule = TrajectoryRatingRule.of(0.10, 0.10);
        RatingInputs.Builder b = in(HIGHER_IS_BETTER, LEVEL, "2014/15 Q1").planned(80.0);
        ComputedRating r = rule.rate(b.actual(72.0).build());
        assertThat(r.rating()).isEqualTo(Rating.AMBER);
        assertThat(r.reason()).endsWith("(10% of the planned value).");
        assertThat(rule.rate(b.actual(71.9).build()).rating()).isEqualTo(Rating.RED);
    }

    @Test
    void rate_allowsAShareOfThePlanWhenThePlannedImprovementIsSmall() {
        // Hart's CS02a in 2014/15 Q1: last year's 79.7 to a target of 80 plans almost no improvement,
        // yet 78.5 against 80 is "a little below target", which Hart rates Amber.
        RatingRule rule = TrajectoryRatingRule.create();
        RatingInputs.Builder b = in(HIGHER_IS_BETTER, LEVEL, "2014/15 Q1").planned(80.0).baseline(79.7)
                .finalTarget(80.0, FiscalQuarter.parse("2014/15 Q4"));
        ComputedRating r = rule.rate(b.actual(78.5).build());
        assertThat(r.rating()).isEqualTo(Rating.AMBER);
        assertThat(r.reason()).endsWith("but within 8 (10% of the planned value).");
        assertThat(rule.rate(b.actual(71.9).build()).rating()).as("more than 8 behind").isEqualTo(Rating.RED);
    }

    @Test
    void of_rejectsAToleranceOutsideZeroToOne() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TrajectoryRatingRule.of(15, 0.1))
                .hasMessageContaining("amber tolerance must be a fraction between 0 and 1");
    }
}
