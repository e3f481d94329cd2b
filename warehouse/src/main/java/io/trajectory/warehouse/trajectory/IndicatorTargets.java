package io.trajectory.warehouse.trajectory;

import io.trajectory.warehouse.indicator.Accumulation;
import io.trajectory.warehouse.indicator.Polarity;
import io.trajectory.warehouse.period.FiscalQuarter;
import java.util.Objects;

/**
 * What an indicator's register row says about where it started and where it is going: the
 * inputs to its {@link Trajectory}.
 *
 * <p>For LEVEL indicators the baseline is the value in {@code baselinePeriod}; for
 * CUMULATIVE_YTD indicators it is the baseline year's total and {@code baselinePeriod} is that
 * year's Q4. Periods and values may be null while a baseline or target is not yet set; the
 * trajectory is then empty, never an error. Values must be finite.
 *
 * @param stretchTargetValue the stretch (reward) target, reached at {@code targetPeriod} too
 */
public record IndicatorTargets(
        Polarity polarity,
        Accumulation accumulation,
        FiscalQuarter baselinePeriod,
        Double baselineValue,
        FiscalQuarter targetPeriod,
        Double targetValue,
        Double stretchTargetValue) {

    public IndicatorTargets {
        Objects.requireNonNull(polarity, "polarity");
        Objects.requireNonNull(accumulation, "accumulation");
        requireFiniteOrNull(baselineValue, "baselineValue");
        requireFiniteOrNull(targetValue, "targetValue");
        requireFiniteOrNull(stretchTargetValue, "stretchTargetValue");
    }

    /** True when baseline and target (periods and values) are all set, target not before baseline. */
    public boolean hasTrajectory() {
        return baselinePeriod != null && baselineValue != null && targetPeriod != null && targetValue != null
                && !targetPeriod.isBefore(baselinePeriod);
    }

    static void requireFiniteOrNull(Double value, String name) {
        if (value != null && !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number, not " + value);
        }
    }
}
