package io.trajectory.warehouse.trajectory;

import static io.trajectory.warehouse.indicator.Polarity.HIGHER_IS_BETTER;
import static io.trajectory.warehouse.indicator.Polarity.LOWER_IS_BETTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GapTest {

    private static final double EPS = 1e-9;

    @Test
    void gap_isPositiveWhenHigherIsBetterAndActualAbovePlan() {
        Gap gap = Gap.of(110.0, 100.0, 80.0, HIGHER_IS_BETTER).orElseThrow();
        assertThat(gap.absolute()).isCloseTo(10.0, within(EPS));
        // 10 ahead of a planned improvement of 20.
        assertThat(gap.shareOfPlannedImprovement()).isCloseTo(0.5, within(EPS));
        assertThat(gap.isOnOrAhead()).isTrue();
    }

    @Test
    void gap_isNegativeWhenHigherIsBetterAndActualBelowPlan() {
        Gap gap = Gap.of(90.0, 100.0, 80.0, HIGHER_IS_BETTER).orElseThrow();
        assertThat(gap.absolute()).isCloseTo(-10.0, within(EPS));
        assertThat(gap.shareOfPlannedImprovement()).isCloseTo(-0.5, within(EPS));
        assertThat(gap.isOnOrAhead()).isFalse();
    }

    @Test
    void gap_isPositiveWhenLowerIsBetterAndActualBelowPlan() {
        // Planned to fall from 40 to 38; fell to 35: 3 ahead of a planned improvement of 2.
        Gap gap = Gap.of(35.0, 38.0, 40.0, LOWER_IS_BETTER).orElseThrow();
        assertThat(gap.absolute()).isCloseTo(3.0, within(EPS));
        assertThat(gap.shareOfPlannedImprovement()).isCloseTo(1.5, within(EPS));
        assertThat(gap.isOnOrAhead()).isTrue();
    }

    @Test
    void gap_isNegativeWhenLowerIsBetterAndActualAbovePlan() {
        // Planned to fall from 40 to 38; only fell to 39.5: 1.5 behind, three quarters of the improvement missing.
        Gap gap = Gap.of(39.5, 38.0, 40.0, LOWER_IS_BETTER).orElseThrow();
        assertThat(gap.absolute()).isCloseTo(-1.5, within(EPS));
        assertThat(gap.shareOfPlannedImprovement()).isCloseTo(-0.75, within(EPS));
        assertThat(gap.isOnOrAhead()).isFalse();
    }

    @Test
    void gap_isZeroAndOnPlanWhenActualEqualsPlanned() {
        Gap gap = Gap.of(100.0, 100.0, 80.0, LOWER_IS_BETTER).orElseThrow();
        assertThat(gap.absolute()).isZero();
        assertThat(gap.isOnOrAhead()).isTrue();
    }

    @Test
    void of_isEmptyWithoutAnActualOrAPlannedValue() {
        assertThat(Gap.of(null, 100.0, 80.0, HIGHER_IS_BETTER)).isEmpty();
        assertThat(Gap.of(110.0, null, 80.0, HIGHER_IS_BETTER)).isEmpty();
    }

    @Test
    void shareOfPlannedImprovement_isNullWithoutABaseline() {
        Gap gap = Gap.of(110.0, 100.0, null, HIGHER_IS_BETTER).orElseThrow();
        assertThat(gap.absolute()).isCloseTo(10.0, within(EPS));
        assertThat(gap.shareOfPlannedImprovement()).isNull();
    }

    @Test
    void shareOfPlannedImprovement_isNullWhenNoImprovementWasPlanned() {
        assertThat(Gap.of(110.0, 100.0, 100.0, HIGHER_IS_BETTER).orElseThrow().shareOfPlannedImprovement()).isNull();
    }

    @Test
    void of_rejectsNonFiniteValuesNamingThem() {
        assertThatThrownBy(() -> Gap.of(Double.NaN, 100.0, null, HIGHER_IS_BETTER))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("actual");
    }
}
