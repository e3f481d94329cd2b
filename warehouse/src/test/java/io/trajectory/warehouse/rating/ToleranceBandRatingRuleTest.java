package io.trajectory.warehouse.rating;

import static io.trajectory.warehouse.indicator.Accumulation.CUMULATIVE_YTD;
import static io.trajectory.warehouse.indicator.Accumulation.LEVEL;
import static io.trajectory.warehouse.indicator.Polarity.HIGHER_IS_BETTER;
import static io.trajectory.warehouse.indicator.Polarity.LOWER_IS_BETTER;
import static io.trajectory.warehouse.rating.FallbackComparison.PREVIOUS_QUARTER;
import static io.trajectory.warehouse.rating.FallbackComparison.SAME_QUARTER_LAST_YEAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trajectory.warehouse.indicator.Accumulation;
import io.trajectory.warehouse.indicator.Polarity;
import io.trajectory.warehouse.period.FiscalQuarter;
import org.junit.jupiter.api.Test;

class ToleranceBandRatingRuleTest {

    private static final ToleranceBandRatingRule TEN_PERCENT = ToleranceBandRatingRule.defaults();

    private static RatingInputs.Builder in(Polarity pol, Accumulation acc, String period) {
        return RatingInputs.builder(pol, acc, FiscalQuarter.parse(period));
    }

    private static RatingInputs.Builder planned100(double actual) {
        return in(HIGHER_IS_BETTER, LEVEL, "2007/08 Q4").actual(actual).planned(100.0);
    }

    @Test
    void defaults_areTenPercentAndTheSameQuarterLastYear() {
        assertThat(TEN_PERCENT.tolerance()).isEqualTo(0.10);
        assertThat(TEN_PERCENT.fallback()).isEqualTo(SAME_QUARTER_LAST_YEAR);
        assertThat(TEN_PERCENT.name()).isEqualTo("tolerance-band");
        assertThat(TEN_PERCENT.description())
                .isEqualTo("Green when on or within 10% of the planned value; otherwise amber if better than "
                        + "the same quarter last year, else red.");
    }

    @Test
    void rate_isNotAvailableWithoutAnActualAndNoTargetWithoutAPlannedValue() {
        assertThat(TEN_PERCENT.rate(in(HIGHER_IS_BETTER, LEVEL, "2007/08 Q4").planned(100.0).build()).rating())
                .isEqualTo(Rating.NOT_AVAILABLE);
        assertThat(TEN_PERCENT.rate(in(HIGHER_IS_BETTER, LEVEL, "2007/08 Q4").actual(100.0).build()).rating())
                .isEqualTo(Rating.NO_TARGET);
    }

    @Test
    void rate_isGreenWhenAheadOfPlan() {
        ComputedRating r = TEN_PERCENT.rate(planned100(104).build());
        assertThat(r.rating()).isEqualTo(Rating.GREEN);
        assertThat(r.reason()).isEqualTo("On or ahead of the planned value: 104 against 100 planned.");
    }

    @Test
    void rate_isGreenWhenBehindButWithinTheTolerance() {
        ComputedRating r = TEN_PERCENT.rate(planned100(91).build());
        assertThat(r.rating()).isEqualTo(Rating.GREEN);
        assertThat(r.reason()).isEqualTo("Within 10% of the planned value: 91 against 100 planned.");
    }

    @Test
    void rate_isGreenExactlyAtTheEdgeOfTheBand() {
        assertThat(TEN_PERCENT.rate(planned100(90).build()).rating()).isEqualTo(Rating.GREEN);
    }

    @Test
    void rate_isAmberOutsideTheBandWhenBetterThanTheSameQuarterLastYear() {
        ComputedRating r = TEN_PERCENT.rate(planned100(85).sameQuarterLastYearActual(80.0).previousQuarterActual(95.0).build());
        assertThat(r.rating()).isEqualTo(Rating.AMBER);
        assertThat(r.reason()).isEqualTo("More than 10% behind the planned value (85 against 100 planned), "
                + "but better than the same quarter last year (2006/07 Q4: 80).");
    }

    @Test
    void rate_isRedOutsideTheBandWhenWorseThanTheSameQuarterLastYear() {
        ComputedRating r = TEN_PERCENT.rate(planned100(85).sameQuarterLastYearActual(88.0).build());
        assertThat(r.rating()).isEqualTo(Rating.RED);
        assertThat(r.reason()).isEqualTo("More than 10% behind the planned value (85 against 100 planned), "
                + "and no better than the same quarter last year (2006/07 Q4: 88).");
    }

    @Test
    void rate_isRedOutsideTheBandWhenNoBetterThanTheSameQuarterLastYear() {
        assertThat(TEN_PERCENT.rate(planned100(85).sameQuarterLastYearActual(85.0).build()).rating()).isEqualTo(Rating.RED);
    }

    @Test
    void rate_isRedOutsideTheBandWhenTheComparisonPeriodIsMissingAndSaysSo() {
        ComputedRating r = TEN_PERCENT.rate(planned100(85).previousQuarterActual(60.0).build());
        assertThat(r.rating()).isEqualTo(Rating.RED);
        assertThat(r.reason()).isEqualTo("More than 10% behind the planned value (85 against 100 planned), "
                + "and no actual for the same quarter last year (2006/07 Q4) to compare with.");
    }

    @Test
    void rate_usesTheBandAboveThePlanWhenLowerIsBetter() {
        // Planned 38: 41 is 3 behind, within 3.8; 42.5 is 4.5 behind, outside it.
        RatingInputs.Builder b = in(LOWER_IS_BETTER, LEVEL, "2007/08 Q2").planned(38.0);
        assertThat(TEN_PERCENT.rate(b.actual(41.0).build()).rating()).isEqualTo(Rating.GREEN);
        assertThat(TEN_PERCENT.rate(b.actual(42.5).sameQuarterLastYearActual(44.0).build()).rating()).isEqualTo(Rating.AMBER);
        assertThat(TEN_PERCENT.rate(b.actual(42.5).sameQuarterLastYearActual(42.0).build()).rating()).isEqualTo(Rating.RED);
    }

    @Test
    void rate_usesTheSizeOfANegativePlannedValueForTheBand() {
        // Planned -10 (a net change): the band is 1 either way.
        RatingInputs.Builder b = in(HIGHER_IS_BETTER, LEVEL, "2007/08 Q2").planned(-10.0);
        assertThat(TEN_PERCENT.rate(b.actual(-10.5).build()).rating()).isEqualTo(Rating.GREEN);
        assertThat(TEN_PERCENT.rate(b.actual(-11.5).build()).rating()).isEqualTo(Rating.RED);
    }

    @Test
    void rate_usesAConfiguredTolerance() {
        ToleranceBandRatingRule fivePercent = ToleranceBandRatingRule.of(0.05, SAME_QUARTER_LAST_YEAR);
        ComputedRating r = fivePercent.rate(planned100(94).sameQuarterLastYearActual(90.0).build());
        assertThat(r.rating()).isEqualTo(Rating.AMBER);
        assertThat(r.reason()).startsWith("More than 5% behind");
        assertThat(fivePercent.rate(planned100(95).build()).rating()).isEqualTo(Rating.GREEN);
    }

    @Test
    void rate_comparesWithThePreviousQuarterWhenConfigured() {
        ToleranceBandRatingRule previous = ToleranceBandRatingRule.of(0.10, PREVIOUS_QUARTER);
        RatingInputs.Builder b = planned100(85).sameQuarterLastYearActual(50.0);
        ComputedRating better = previous.rate(b.previousQuarterActual(80.0).build());
        assertThat(better.rating()).isEqualTo(Rating.AMBER);
        assertThat(better.reason()).endsWith("but better than the previous quarter (2007/08 Q3: 80).");
        assertThat(previous.rate(b.previousQuarterActual(90.0).build()).rating()).isEqualTo(Rating.RED);
        assertThat(previous.rate(planned100(85).sameQuarterLastYearActual(50.0).build()).reason())
                .endsWith("and no actual for the previous quarter (2007/08 Q3) to compare with.");
    }

    @Test
    void rate_comparesYearToDateWithYearToDateWhenCumulativeAgainstLastYear() {
        ComputedRating r = TEN_PERCENT.rate(in(HIGHER_IS_BETTER, CUMULATIVE_YTD, "2008/09 Q2").actual(600.0).planned(720.0)
                .sameQuarterLastYearActual(650.0).build());
        assertThat(r.rating()).isEqualTo(Rating.RED);
    }

    @Test
    void rate_comparesQuarterlyAveragesWhenCumulativeAgainstThePreviousQuarter() {
        ToleranceBandRatingRule previous = ToleranceBandRatingRule.of(0.10, PREVIOUS_QUARTER);
        // Q3: 600 so far is 200 a quarter; Q2's 420 was 210 a quarter. Raw year to date (600 > 420) would say better.
        ComputedRating r = previous.rate(in(HIGHER_IS_BETTER, CUMULATIVE_YTD, "2007/08 Q3").actual(600.0).planned(900.0)
                .previousQuarterActual(420.0).build());
        assertThat(r.rating()).isEqualTo(Rating.RED);
        assertThat(r.reason()).isEqualTo("More than 10% behind the planned value (600 against 900 planned), and no better "
                + "than the previous quarter: 200 a quarter on average so far, against 210 by 2007/08 Q2.");
        // Q1: 320 against the previous year's 1,200 over four quarters, 300 a quarter. Raw would say worse.
        ComputedRating q1 = previous.rate(in(HIGHER_IS_BETTER, CUMULATIVE_YTD, "2008/09 Q1").actual(320.0).planned(400.0)
                .previousQuarterActual(1200.0).build());
        assertThat(q1.rating()).isEqualTo(Rating.AMBER);
    }

    @Test
    void of_rejectsAToleranceOutsideZeroToOne() {
        assertThatThrownBy(() -> ToleranceBandRatingRule.of(10, SAME_QUARTER_LAST_YEAR))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("10.0");
        assertThatThrownBy(() -> ToleranceBandRatingRule.of(-0.1, SAME_QUARTER_LAST_YEAR))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
