package io.trajectory.warehouse.trajectory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.trajectory.warehouse.indicator.Accumulation;
import io.trajectory.warehouse.indicator.Polarity;
import io.trajectory.warehouse.period.FiscalQuarter;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class TrajectoryTest {

    private static final double EPS = 1e-9;

    private static FiscalQuarter q(String text) {
        return FiscalQuarter.parse(text);
    }

    private static double value(OptionalDouble d) {
        assertThat(d).isPresent();
        return d.getAsDouble();
    }

    /*
     * LAA 5.9, attendance allowance caseload (LEVEL, higher is better): baseline 15,240 at
     * 2005/06 Q4, stretch target +4,420 = 19,660 at 2008/09 Q4, twelve quarters later. Here the
     * non-stretch target is taken as 17,500 (+2,260). Per quarter: +188.33 planned, +368.33 stretch.
     */
    private static final IndicatorTargets ATTENDANCE_ALLOWANCE = new IndicatorTargets(
            Polarity.HIGHER_IS_BETTER, Accumulation.LEVEL, q("2005/06 Q4"), 15240.0, q("2008/09 Q4"), 17500.0, 19660.0);

    private static final Trajectory AA = Trajectory.of(ATTENDANCE_ALLOWANCE, Map.of());

    // --- LEVEL ---

    @Test
    void planned_isTheBaselineInTheBaselineQuarter() {
        assertThat(value(AA.planned(q("2005/06 Q4")))).isEqualTo(15240.0);
    }

    @Test
    void planned_isLinearByQuarterBetweenBaselineAndTarget() {
        // 2 quarters on: 15240 + 2 x 2260/12 = 15616.67; 6 quarters on: 15240 + 1130 = 16370.
        assertThat(value(AA.planned(q("2006/07 Q2")))).isCloseTo(15616.666667, within(1e-5));
        assertThat(value(AA.planned(q("2007/08 Q2")))).isCloseTo(16370.0, within(EPS));
    }

    @Test
    void planned_isTheTargetInTheTargetQuarter() {
        assertThat(value(AA.planned(q("2008/09 Q4")))).isEqualTo(17500.0);
    }

    @Test
    void planned_isHeldAtTheTargetAfterTheTargetQuarter() {
        assertThat(value(AA.planned(q("2009/10 Q2")))).isEqualTo(17500.0);
    }

    @Test
    void planned_isEmptyBeforeTheBaselineQuarter() {
        assertThat(AA.planned(q("2005/06 Q3"))).isEmpty();
        assertThat(AA.stretchPlanned(q("2005/06 Q3"))).isEmpty();
    }

    @Test
    void stretchPlanned_isLinearToTheStretchTarget() {
        // 8 quarters on: 15240 + 8 x 4420/12 = 18186.67.
        assertThat(value(AA.stretchPlanned(q("2007/08 Q4")))).isCloseTo(18186.666667, within(1e-5));
        assertThat(value(AA.stretchPlanned(q("2008/09 Q4")))).isEqualTo(19660.0);
    }

    @Test
    void rewardThreshold_isBaselinePlus60PercentOfTheStretchImprovementSoFar() {
        // 2007/08 Q4: 15240 + 0.6 x 2946.67 = 15240 + 1768 = 17008.
        assertThat(value(AA.rewardThreshold(q("2007/08 Q4")))).isCloseTo(17008.0, within(1e-6));
        // 2008/09 Q4: 15240 + 0.6 x 4420 = 17892.
        assertThat(value(AA.rewardThreshold(q("2008/09 Q4")))).isCloseTo(17892.0, within(1e-6));
    }

    @Test
    void rewardThreshold_usesTheConfiguredShare() {
        Trajectory half = Trajectory.of(ATTENDANCE_ALLOWANCE, Map.of(), 0.5);
        // 15240 + 0.5 x 2946.67 = 16713.33.
        assertThat(value(half.rewardThreshold(q("2007/08 Q4")))).isCloseTo(16713.333333, within(1e-5));
    }

    @Test
    void rewardThreshold_givesTheSeedsGapOf629BelowTheSixtyPercentTarget() {
        // A caseload of 16,379 at 2007/08 Q4 against the threshold of 17,008.
        Gap gap = Gap.of(16379.0, value(AA.rewardThreshold(q("2007/08 Q4"))), 15240.0, Polarity.HIGHER_IS_BETTER).orElseThrow();
        assertThat(gap.absolute()).isCloseTo(-629.0, within(1e-6));
    }

    @Test
    void defaultRewardShare_isSixtyPercent() {
        assertThat(Trajectory.DEFAULT_REWARD_SHARE).isEqualTo(0.60);
        assertThat(AA.rewardShare()).isEqualTo(0.60);
    }

    @Test
    void baselineFor_isTheBaselineValueForALevelIndicator() {
        assertThat(value(AA.baselineFor(q("2007/08 Q3")))).isEqualTo(15240.0);
    }

    // --- explicit planned values ---

    @Test
    void planned_explicitValueOverridesTheLineForItsQuarterOnly() {
        Trajectory t = Trajectory.of(ATTENDANCE_ALLOWANCE, Map.of(q("2007/08 Q2"), new PlannedValues(16000.0, null)));
        assertThat(value(t.planned(q("2007/08 Q2")))).isEqualTo(16000.0);
        // The next quarter stays on the line: 15240 + 7 x 188.33 = 16558.33.
        assertThat(value(t.planned(q("2007/08 Q3")))).isCloseTo(16558.333333, within(1e-5));
        // No explicit stretch value, so the stretch line applies: 15240 + 6 x 368.33 = 17450.
        assertThat(value(t.stretchPlanned(q("2007/08 Q2")))).isCloseTo(17450.0, within(1e-6));
    }

    @Test
    void stretchPlanned_explicitValueOverridesAndMovesTheRewardThreshold() {
        Trajectory t = Trajectory.of(ATTENDANCE_ALLOWANCE, Map.of(q("2007/08 Q4"), new PlannedValues(null, 18000.0)));
        assertThat(value(t.stretchPlanned(q("2007/08 Q4")))).isEqualTo(18000.0);
        // 15240 + 0.6 x (18000 - 15240) = 15240 + 1656 = 16896.
        assertThat(value(t.rewardThreshold(q("2007/08 Q4")))).isCloseTo(16896.0, within(1e-6));
        // The planned value is still the computed one: 15240 + 8 x 188.33 = 16746.67.
        assertThat(value(t.planned(q("2007/08 Q4")))).isCloseTo(16746.666667, within(1e-5));
    }

    @Test
    void planned_explicitValuesWorkWithoutBaselineOrTarget() {
        IndicatorTargets none = new IndicatorTargets(Polarity.HIGHER_IS_BETTER, Accumulation.LEVEL, null, null, null, null, null);
        Trajectory t = Trajectory.of(none, Map.of(q("2007/08 Q1"), new PlannedValues(42.0, 45.0)));
        assertThat(value(t.planned(q("2007/08 Q1")))).isEqualTo(42.0);
        assertThat(value(t.stretchPlanned(q("2007/08 Q1")))).isEqualTo(45.0);
        assertThat(t.planned(q("2007/08 Q2"))).isEmpty();
        assertThat(t.rewardThreshold(q("2007/08 Q1"))).as("no baseline, so no threshold").isEmpty();
    }

    @Test
    void of_copiesTheExplicitValues() {
        Map<FiscalQuarter, PlannedValues> given = new HashMap<>();
        given.put(q("2007/08 Q2"), new PlannedValues(16000.0, null));
        Trajectory t = Trajectory.of(ATTENDANCE_ALLOWANCE, given);
        given.clear();
        assertThat(value(t.planned(q("2007/08 Q2")))).isEqualTo(16000.0);
    }

    // --- lower is better ---

    @Test
    void planned_fallsTowardsATargetWhenLowerIsBetter() {
        // Re-offending rate: baseline 40.0 at 2006/07 Q4, target 32.0 (-1 a quarter) and
        // stretch 28.0 (-1.5 a quarter) at 2008/09 Q4.
        Trajectory t = Trajectory.of(new IndicatorTargets(Polarity.LOWER_IS_BETTER, Accumulation.LEVEL,
                q("2006/07 Q4"), 40.0, q("2008/09 Q4"), 32.0, 28.0), null);
        assertThat(value(t.planned(q("2007/08 Q2")))).isCloseTo(38.0, within(EPS));
        assertThat(value(t.stretchPlanned(q("2007/08 Q2")))).isCloseTo(37.0, within(EPS));
        // 40 + 0.6 x (37 - 40) = 38.2: the threshold sits between baseline and stretch plan.
        assertThat(value(t.rewardThreshold(q("2007/08 Q2")))).isCloseTo(38.2, within(EPS));
    }

    // --- CUMULATIVE_YTD ---

    /*
     * New claims counted from 1 April: the baseline year 2006/07 totalled 1,000; the target is
     * 1,600 in 2009/10 (+200 a year) and the stretch 1,900 (+300 a year).
     */
    private static final Trajectory CLAIMS = Trajectory.of(new IndicatorTargets(Polarity.HIGHER_IS_BETTER,
            Accumulation.CUMULATIVE_YTD, q("2006/07 Q4"), 1000.0, q("2009/10 Q4"), 1600.0, 1900.0), Map.of());

    @Test
    void planned_profilesTheAnnualTargetByQuarterWhenCumulative() {
        // 2007/08's annual plan is 1,200: 300, 600, 900, 1,200 year to date.
        assertThat(value(CLAIMS.planned(q("2007/08 Q1")))).isCloseTo(300.0, within(EPS));
        assertThat(value(CLAIMS.planned(q("2007/08 Q2")))).isCloseTo(600.0, within(EPS));
        assertThat(value(CLAIMS.planned(q("2007/08 Q3")))).isCloseTo(900.0, within(EPS));
        assertThat(value(CLAIMS.planned(q("2007/08 Q4")))).isCloseTo(1200.0, within(EPS));
        // 2008/09's annual plan is 1,400: Q3 is 1,050.
        assertThat(value(CLAIMS.planned(q("2008/09 Q3")))).isCloseTo(1050.0, within(EPS));
    }

    @Test
    void planned_holdsTheAnnualTargetAfterTheTargetYearWhenCumulative() {
        assertThat(value(CLAIMS.planned(q("2010/11 Q2")))).isCloseTo(800.0, within(EPS));
    }

    @Test
    void planned_isTheBaselineTotalInTheBaselineQuarterAndEmptyBeforeWhenCumulative() {
        assertThat(value(CLAIMS.planned(q("2006/07 Q4")))).isCloseTo(1000.0, within(EPS));
        assertThat(CLAIMS.planned(q("2006/07 Q2"))).isEmpty();
    }

    @Test
    void baselineFor_isTheBaselineYearProfiledByQuarterWhenCumulative() {
        assertThat(value(CLAIMS.baselineFor(q("2008/09 Q3")))).isCloseTo(750.0, within(EPS));
        assertThat(value(CLAIMS.baselineFor(q("2008/09 Q1")))).isCloseTo(250.0, within(EPS));
    }

    @Test
    void rewardThreshold_comparesYearToDateWithYearToDateWhenCumulative() {
        // 2008/09 stretch year is 1,600, so Q3 stretch plan is 1,200; baseline profile is 750.
        assertThat(value(CLAIMS.stretchPlanned(q("2008/09 Q3")))).isCloseTo(1200.0, within(EPS));
        // 750 + 0.6 x (1200 - 750) = 1020.
        assertThat(value(CLAIMS.rewardThreshold(q("2008/09 Q3")))).isCloseTo(1020.0, within(EPS));
    }

    // --- missing or inconsistent register values ---

    @Test
    void everything_isEmptyWithoutABaselineValue() {
        Trajectory t = Trajectory.of(new IndicatorTargets(Polarity.HIGHER_IS_BETTER, Accumulation.LEVEL,
                q("2005/06 Q4"), null, q("2008/09 Q4"), 17500.0, 19660.0), Map.of());
        assertThat(t.planned(q("2007/08 Q1"))).isEmpty();
        assertThat(t.stretchPlanned(q("2007/08 Q1"))).isEmpty();
        assertThat(t.baselineFor(q("2007/08 Q1"))).isEmpty();
        assertThat(t.rewardThreshold(q("2007/08 Q1"))).isEmpty();
    }

    @Test
    void planned_isEmptyWithoutATargetButTheBaselineRemains() {
        Trajectory t = Trajectory.of(new IndicatorTargets(Polarity.HIGHER_IS_BETTER, Accumulation.LEVEL,
                q("2005/06 Q4"), 15240.0, null, null, null), Map.of());
        assertThat(t.planned(q("2007/08 Q1"))).isEmpty();
        assertThat(t.rewardThreshold(q("2007/08 Q1"))).isEmpty();
        assertThat(value(t.baselineFor(q("2007/08 Q1")))).isEqualTo(15240.0);
    }

    @Test
    void stretchPlanned_isEmptyWithoutAStretchTargetWhilePlannedIsNot() {
        Trajectory t = Trajectory.of(new IndicatorTargets(Polarity.HIGHER_IS_BETTER, Accumulation.LEVEL,
                q("2005/06 Q4"), 15240.0, q("2008/09 Q4"), 17500.0, null), Map.of());
        assertThat(t.stretchPlanned(q("2007/08 Q2"))).isEmpty();
        assertThat(t.rewardThreshold(q("2007/08 Q2"))).isEmpty();
        assertThat(value(t.planned(q("2007/08 Q2")))).isCloseTo(16370.0, within(EPS));
    }

    @Test
    void planned_isEmptyWhenTheTargetPeriodIsBeforeTheBaseline() {
        IndicatorTargets backwards = new IndicatorTargets(Polarity.HIGHER_IS_BETTER, Accumulation.LEVEL,
                q("2008/09 Q4"), 15240.0, q("2005/06 Q4"), 17500.0, null);
        assertThat(Trajectory.of(backwards, Map.of()).planned(q("2009/10 Q1"))).isEmpty();
        assertThat(backwards.hasTrajectory()).isFalse();
        assertThat(ATTENDANCE_ALLOWANCE.hasTrajectory()).isTrue();
    }

    @Test
    void planned_isTheTargetFromTheBaselineQuarterWhenBothAreTheSameQuarter() {
        Trajectory t = Trajectory.of(new IndicatorTargets(Polarity.HIGHER_IS_BETTER, Accumulation.LEVEL,
                q("2007/08 Q1"), 10.0, q("2007/08 Q1"), 12.0, null), Map.of());
        assertThat(value(t.planned(q("2007/08 Q1")))).isEqualTo(12.0);
        assertThat(t.planned(q("2006/07 Q4"))).isEmpty();
    }

    @Test
    void of_rejectsARewardShareOutsideZeroToOne() {
        assertThatThrownBy(() -> Trajectory.of(ATTENDANCE_ALLOWANCE, Map.of(), 60))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("60.0");
        assertThatThrownBy(() -> Trajectory.of(ATTENDANCE_ALLOWANCE, Map.of(), Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void indicatorTargets_rejectNonFiniteValuesNamingTheField() {
        assertThatThrownBy(() -> new IndicatorTargets(Polarity.HIGHER_IS_BETTER, Accumulation.LEVEL,
                null, Double.NaN, null, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("baselineValue");
        assertThatThrownBy(() -> new PlannedValues(null, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stretchPlanned");
    }
}
