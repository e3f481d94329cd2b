package io.trajectory.warehouse.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.trajectory.warehouse.indicator.Accumulation;
import io.trajectory.warehouse.indicator.Polarity;
import io.trajectory.warehouse.period.FiscalQuarter;
import io.trajectory.warehouse.trajectory.IndicatorTargets;
import io.trajectory.warehouse.trajectory.Trajectory;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class RatingInputsTest {

    private static FiscalQuarter q(String text) {
        return FiscalQuarter.parse(text);
    }

    private static Function<FiscalQuarter, OptionalDouble> lookup(Map<FiscalQuarter, Double> actuals) {
        return x -> actuals.containsKey(x) ? OptionalDouble.of(actuals.get(x)) : OptionalDouble.empty();
    }

    @Test
    void of_takesPlanTargetsTrendAndComparisonActualsForALevelIndicator() {
        // Baseline 15,240 at 2005/06 Q4, target 17,500 at 2008/09 Q4.
        Trajectory t = Trajectory.of(new IndicatorTargets(Polarity.HIGHER_IS_BETTER, Accumulation.LEVEL,
                q("2005/06 Q4"), 15240.0, q("2008/09 Q4"), 17500.0, 19660.0), Map.of());
        Map<FiscalQuarter, Double> actuals = Map.of(
                q("2006/07 Q4"), 15900.0, q("2007/08 Q1"), 16000.0, q("2007/08 Q3"), 16200.0, q("2007/08 Q4"), 16379.0);

        RatingInputs in = RatingInputs.of(t, q("2007/08 Q4"), lookup(actuals), 4);

        assertThat(in.actual()).isEqualTo(16379.0);
        // 15,240 + 8 x 2,260 / 12 = 16,746.67.
        assertThat(in.planned()).isCloseTo(16746.666667, within(1e-5));
        assertThat(in.baseline()).isEqualTo(15240.0);
        assertThat(in.finalTarget()).isEqualTo(17500.0);
        assertThat(in.targetPeriod()).isEqualTo(q("2008/09 Q4"));
        assertThat(in.annualPlannedAtYearEnd()).isCloseTo(16746.666667, within(1e-5));
        // Points at 0, 2, 3 quarters (Q2 missing): Sxy = 572, Sxx = 14/3, slope 122.57.
        assertThat(in.slopePerQuarter()).isCloseTo(122.571429, within(1e-6));
        assertThat(in.previousQuarterActual()).isEqualTo(16200.0);
        assertThat(in.sameQuarterLastYearActual()).isEqualTo(15900.0);
    }

    @Test
    void of_leavesTheSlopeOutAndPlansTheYearEndForACumulativeIndicator() {
        // Baseline year 2006/07 totalled 1,000; 1,600 by 2009/10: 2008/09's plan is 1,400.
        Trajectory t = Trajectory.of(new IndicatorTargets(Polarity.HIGHER_IS_BETTER, Accumulation.CUMULATIVE_YTD,
                q("2006/07 Q4"), 1000.0, q("2009/10 Q4"), 1600.0, null), Map.of());
        Map<FiscalQuarter, Double> actuals = Map.of(q("2008/09 Q1"), 300.0, q("2008/09 Q2"), 690.0);

        RatingInputs in = RatingInputs.of(t, q("2008/09 Q2"), lookup(actuals), 4);

        assertThat(in.planned()).isCloseTo(700.0, within(1e-9));
        assertThat(in.baseline()).isCloseTo(500.0, within(1e-9));
        assertThat(in.annualPlannedAtYearEnd()).isCloseTo(1400.0, within(1e-9));
        assertThat(in.slopePerQuarter()).isNull();
        assertThat(in.previousQuarterActual()).isEqualTo(300.0);
        assertThat(in.sameQuarterLastYearActual()).isNull();
        // 690 x 4 / 2 = 1,380, short of 1,400 (and 10 behind is within 10% of the 700 planned).
        assertThat(TrajectoryRatingRule.of(0, 0).rate(in).rating()).isEqualTo(Rating.RED);
        assertThat(TrajectoryRatingRule.create().rate(in).rating()).isEqualTo(Rating.AMBER);
    }

    @Test
    void of_givesNoTargetWhenTheRegisterHasNoTargetYet() {
        Trajectory t = Trajectory.of(new IndicatorTargets(Polarity.LOWER_IS_BETTER, Accumulation.LEVEL,
                q("2006/07 Q4"), 40.0, null, null, null), Map.of());
        RatingInputs in = RatingInputs.of(t, q("2007/08 Q1"), lookup(Map.of(q("2007/08 Q1"), 39.0)), 4);
        assertThat(in.planned()).isNull();
        assertThat(TrajectoryRatingRule.create().rate(in).rating()).isEqualTo(Rating.NO_TARGET);
    }

    @Test
    void constructor_rejectsNonFiniteValuesNamingThem() {
        assertThatThrownBy(() -> RatingInputs.builder(Polarity.HIGHER_IS_BETTER, Accumulation.LEVEL, q("2007/08 Q1"))
                .slopePerQuarter(Double.NaN).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("slopePerQuarter");
    }
}
