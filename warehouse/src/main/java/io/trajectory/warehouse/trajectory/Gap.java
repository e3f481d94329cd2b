package io.trajectory.warehouse.trajectory;

import io.trajectory.warehouse.indicator.Polarity;
import java.util.Objects;
import java.util.Optional;

/**
 * How far an actual is from where it was planned to be, oriented so that positive means ahead
 * of plan whichever way is better. Use it against the planned, the stretch planned or the reward
 * threshold value: "629 cases below the 60% stretch target" is an absolute gap of -629 to the
 * reward threshold.
 *
 * @param absolute                  {@code (actual − planned) × polarity.sign()}; positive = ahead
 * @param shareOfPlannedImprovement the gap as a share of the improvement planned from the
 *                                  baseline, {@code absolute / ((planned − baseline) × sign)}:
 *                                  -0.5 means half the planned improvement is still missing.
 *                                  Null without a baseline or when no improvement was planned.
 */
public record Gap(double absolute, Double shareOfPlannedImprovement) {

    /**
     * The gap of {@code actual} to {@code planned}; empty when either is null.
     *
     * @param baseline the baseline for the same quarter (may be null)
     * @throws IllegalArgumentException when a value given is not finite
     */
    public static Optional<Gap> of(Double actual, Double planned, Double baseline, Polarity polarity) {
        Objects.requireNonNull(polarity, "polarity");
        IndicatorTargets.requireFiniteOrNull(actual, "actual");
        IndicatorTargets.requireFiniteOrNull(planned, "planned");
        IndicatorTargets.requireFiniteOrNull(baseline, "baseline");
        if (actual == null || planned == null) {
            return Optional.empty();
        }
        double absolute = polarity.orient(actual - planned);
        Double share = null;
        if (baseline != null) {
            double plannedImprovement = polarity.orient(planned - baseline);
            if (plannedImprovement != 0) {
                share = absolute / plannedImprovement;
            }
        }
        return Optional.of(new Gap(absolute, share));
    }

    /** True when on or ahead of plan. */
    public boolean isOnOrAhead() {
        return absolute >= 0;
    }
}
