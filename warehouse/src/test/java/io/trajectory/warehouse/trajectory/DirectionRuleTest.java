package io.trajectory.warehouse.trajectory;

import static io.trajectory.warehouse.indicator.Accumulation.CUMULATIVE_YTD;
import static io.trajectory.warehouse.indicator.Accumulation.LEVEL;
import static io.trajectory.warehouse.indicator.Polarity.HIGHER_IS_BETTER;
import static io.trajectory.warehouse.indicator.Polarity.LOWER_IS_BETTER;
import static io.trajectory.warehouse.trajectory.DirectionOfTravel.IMPROVING;
import static io.trajectory.warehouse.trajectory.DirectionOfTravel.NO_CHANGE;
import static io.trajectory.warehouse.trajectory.DirectionOfTravel.WORSENING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trajectory.warehouse.period.FiscalQuarter;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class DirectionRuleTest {

    private static FiscalQuarter q(String text) {
        return FiscalQuarter.parse(text);
    }

    /** Actuals keyed by quarter text; quarters not given have no actual. */
    private static Function<FiscalQuarter, OptionalDouble> actuals(Object... quarterThenValue) {
        Map<FiscalQuarter, Double> map = new HashMap<>();
        for (int i = 0; i < quarterThenValue.length; i += 2) {
            map.put(q((String) quarterThenValue[i]), ((Number) quarterThenValue[i + 1]).doubleValue());
        }
        return quarter -> map.containsKey(quarter) ? OptionalDouble.of(map.get(quarter)) : OptionalDouble.empty();
    }

    private static void assertJudged(Direction d, DirectionOfTravel expected, String comparedWith) {
        assertThat(d.reason()).as("reason").isNull();
        assertThat(d.direction()).isEqualTo(expected);
        assertThat(d.isJudged()).isTrue();
        assertThat(d.comparedWith()).isEqualTo(q(comparedWith));
    }

    private static void assertNotJudged(Direction d, String reason, String comparedWith) {
        assertThat(d.direction()).as("direction").isNull();
        assertThat(d.isJudged()).isFalse();
        assertThat(d.asOptional()).isEmpty();
        assertThat(d.reason()).isEqualTo(reason);
        assertThat(d.comparedWith()).isEqualTo(q(comparedWith));
    }

    // --- LEVEL against the previous quarter ---

    @Test
    void vsPreviousQuarter_riseIsImprovingWhenHigherIsBetter() {
        Direction d = DirectionRule.vsPreviousQuarter(q("2007/08 Q1"), LEVEL, HIGHER_IS_BETTER,
                actuals("2006/07 Q4", 100, "2007/08 Q1", 110));
        assertJudged(d, IMPROVING, "2006/07 Q4");
    }

    @Test
    void vsPreviousQuarter_riseIsWorseningWhenLowerIsBetter() {
        Direction d = DirectionRule.vsPreviousQuarter(q("2007/08 Q1"), LEVEL, LOWER_IS_BETTER,
                actuals("2006/07 Q4", 100, "2007/08 Q1", 110));
        assertJudged(d, WORSENING, "2006/07 Q4");
    }

    @Test
    void vsPreviousQuarter_fallIsImprovingWhenLowerIsBetter() {
        Direction d = DirectionRule.vsPreviousQuarter(q("2007/08 Q3"), LEVEL, LOWER_IS_BETTER,
                actuals("2007/08 Q2", 12.5, "2007/08 Q3", 11.0));
        assertJudged(d, IMPROVING, "2007/08 Q2");
    }

    @Test
    void vsPreviousQuarter_sameValueIsNoChange() {
        Direction d = DirectionRule.vsPreviousQuarter(q("2007/08 Q3"), LEVEL, HIGHER_IS_BETTER,
                actuals("2007/08 Q2", 42, "2007/08 Q3", 42));
        assertJudged(d, NO_CHANGE, "2007/08 Q2");
    }

    @Test
    void vsPreviousQuarter_floatingPointNoiseIsNoChange() {
        // 0.1 + 0.2 is 0.30000000000000004 in binary floating point.
        Direction d = DirectionRule.vsPreviousQuarter(q("2007/08 Q3"), LEVEL, HIGHER_IS_BETTER,
                actuals("2007/08 Q2", 0.3, "2007/08 Q3", 0.1 + 0.2));
        assertJudged(d, NO_CHANGE, "2007/08 Q2");
    }

    @Test
    void vsPreviousQuarter_missingPreviousQuarterGivesNoDirectionEvenWithAnEarlierRow() {
        // 2007/08 Q4 is missing; the row before it (Q3) must not be used instead.
        Direction d = DirectionRule.vsPreviousQuarter(q("2008/09 Q1"), LEVEL, HIGHER_IS_BETTER,
                actuals("2007/08 Q3", 50, "2008/09 Q1", 60));
        assertNotJudged(d, "no actual for 2007/08 Q4", "2007/08 Q4");
    }

    @Test
    void vsPreviousQuarter_missingCurrentActualGivesNoDirection() {
        Direction d = DirectionRule.vsPreviousQuarter(q("2008/09 Q1"), LEVEL, HIGHER_IS_BETTER,
                actuals("2007/08 Q4", 50));
        assertNotJudged(d, "no actual for 2008/09 Q1", "2007/08 Q4");
    }

    @Test
    void vsPreviousQuarter_treatsANullLookupAsMissing() {
        Direction d = DirectionRule.vsPreviousQuarter(q("2008/09 Q1"), LEVEL, HIGHER_IS_BETTER,
                quarter -> quarter.equals(q("2008/09 Q1")) ? OptionalDouble.of(1) : null);
        assertNotJudged(d, "no actual for 2007/08 Q4", "2007/08 Q4");
    }

    // --- LEVEL against the same quarter last year ---

    @Test
    void vsSameQuarterLastYear_fallIsImprovingWhenLowerIsBetter() {
        Direction d = DirectionRule.vsSameQuarterLastYear(q("2008/09 Q2"), LEVEL, LOWER_IS_BETTER,
                actuals("2007/08 Q2", 100, "2008/09 Q1", 120, "2008/09 Q2", 95));
        assertJudged(d, IMPROVING, "2007/08 Q2");
    }

    @Test
    void vsSameQuarterLastYear_fallIsWorseningWhenHigherIsBetter() {
        Direction d = DirectionRule.vsSameQuarterLastYear(q("2008/09 Q2"), LEVEL, HIGHER_IS_BETTER,
                actuals("2007/08 Q2", 100, "2008/09 Q2", 95));
        assertJudged(d, WORSENING, "2007/08 Q2");
    }

    @Test
    void vsSameQuarterLastYear_missingLastYearGivesNoDirectionNamingIt() {
        Direction d = DirectionRule.vsSameQuarterLastYear(q("2008/09 Q2"), LEVEL, HIGHER_IS_BETTER,
                actuals("2007/08 Q3", 100, "2008/09 Q1", 90, "2008/09 Q2", 95));
        assertNotJudged(d, "no actual for 2007/08 Q2", "2007/08 Q2");
    }

    @Test
    void vsSameQuarterLastYear_missingCurrentActualGivesNoDirection() {
        Direction d = DirectionRule.vsSameQuarterLastYear(q("2008/09 Q2"), LEVEL, HIGHER_IS_BETTER,
                actuals("2007/08 Q2", 100));
        assertNotJudged(d, "no actual for 2008/09 Q2", "2007/08 Q2");
    }

    // --- CUMULATIVE_YTD ---

    // Year to date: 2007/08 quarters add 300, 350, 250, 350; 2008/09 Q1 adds 400.
    private static final Function<FiscalQuarter, OptionalDouble> CLAIMS = actuals(
            "2007/08 Q1", 300, "2007/08 Q2", 650, "2007/08 Q3", 900, "2007/08 Q4", 1250,
            "2008/09 Q1", 400, "2008/09 Q2", 700);

    @Test
    void vsSameQuarterLastYear_comparesYearToDateWithYearToDateWhenCumulative() {
        // 700 so far in 2008/09 against 650 by the same point of 2007/08.
        assertJudged(DirectionRule.vsSameQuarterLastYear(q("2008/09 Q2"), CUMULATIVE_YTD, HIGHER_IS_BETTER, CLAIMS),
                IMPROVING, "2007/08 Q2");
        assertJudged(DirectionRule.vsSameQuarterLastYear(q("2008/09 Q2"), CUMULATIVE_YTD, LOWER_IS_BETTER, CLAIMS),
                WORSENING, "2007/08 Q2");
    }

    @Test
    void vsPreviousQuarter_comparesQ2IncrementWithQ1YearToDateWhenCumulative() {
        // Q2 added 350, Q1 added 300.
        assertJudged(DirectionRule.vsPreviousQuarter(q("2007/08 Q2"), CUMULATIVE_YTD, HIGHER_IS_BETTER, CLAIMS),
                IMPROVING, "2007/08 Q1");
    }

    @Test
    void vsPreviousQuarter_comparesIncrementsNotYearToDateWhenCumulative() {
        // Year to date rose from 650 to 900, but Q3 added 250 against Q2's 350.
        assertJudged(DirectionRule.vsPreviousQuarter(q("2007/08 Q3"), CUMULATIVE_YTD, HIGHER_IS_BETTER, CLAIMS),
                WORSENING, "2007/08 Q2");
        assertJudged(DirectionRule.vsPreviousQuarter(q("2007/08 Q3"), CUMULATIVE_YTD, LOWER_IS_BETTER, CLAIMS),
                IMPROVING, "2007/08 Q2");
    }

    @Test
    void vsPreviousQuarter_comparesQ1WithThePreviousQ4IncrementWhenCumulative() {
        // 2008/09 Q1 added 400 (its year to date); 2007/08 Q4 added 1250 - 900 = 350.
        // Comparing year-to-date figures (400 against 1250) would wrongly say worsening.
        assertJudged(DirectionRule.vsPreviousQuarter(q("2008/09 Q1"), CUMULATIVE_YTD, HIGHER_IS_BETTER, CLAIMS),
                IMPROVING, "2007/08 Q4");
    }

    @Test
    void vsPreviousQuarter_namesTheMissingQuarterOfThePreviousIncrementWhenCumulative() {
        Direction d = DirectionRule.vsPreviousQuarter(q("2008/09 Q1"), CUMULATIVE_YTD, HIGHER_IS_BETTER,
                actuals("2007/08 Q4", 1250, "2008/09 Q1", 400));
        assertNotJudged(d, "no actual for 2007/08 Q3", "2007/08 Q4");
    }

    @Test
    void vsPreviousQuarter_namesEveryMissingQuarterInOrderWhenCumulative() {
        Direction d = DirectionRule.vsPreviousQuarter(q("2007/08 Q4"), CUMULATIVE_YTD, HIGHER_IS_BETTER,
                actuals("2007/08 Q1", 300, "2007/08 Q4", 1250));
        assertNotJudged(d, "no actual for 2007/08 Q2 and 2007/08 Q3", "2007/08 Q3");
    }

    @Test
    void vsPreviousQuarter_needsQ1ForAQ2IncrementWhenCumulative() {
        Direction d = DirectionRule.vsPreviousQuarter(q("2007/08 Q2"), CUMULATIVE_YTD, HIGHER_IS_BETTER,
                actuals("2006/07 Q4", 1000, "2007/08 Q2", 650));
        assertNotJudged(d, "no actual for 2007/08 Q1", "2007/08 Q1");
    }

    @Test
    void vsPreviousQuarter_missingCurrentActualGivesNoDirectionWhenCumulative() {
        Direction d = DirectionRule.vsPreviousQuarter(q("2008/09 Q3"), CUMULATIVE_YTD, HIGHER_IS_BETTER, CLAIMS);
        assertNotJudged(d, "no actual for 2008/09 Q3", "2008/09 Q2");
    }

    @Test
    void vsPreviousQuarter_equalIncrementsWithinFloatingPointNoiseAreNoChangeWhenCumulative() {
        // Increments 0.3 - 0.2 and 0.4 - 0.3 differ only in the last bits.
        Direction d = DirectionRule.vsPreviousQuarter(q("2007/08 Q3"), CUMULATIVE_YTD, HIGHER_IS_BETTER,
                actuals("2007/08 Q1", 0.2, "2007/08 Q2", 0.3, "2007/08 Q3", 0.4));
        assertJudged(d, NO_CHANGE, "2007/08 Q2");
    }

    // --- the record ---

    @Test
    void direction_hasEitherADirectionOrAReason() {
        assertThatThrownBy(() -> new Direction(IMPROVING, "no actual", q("2007/08 Q1")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Direction(null, null, q("2007/08 Q1")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Direction.judged(IMPROVING, q("2007/08 Q1")).asOptional()).contains(IMPROVING);
    }
}
