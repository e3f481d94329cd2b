package io.trajectory.warehouse.trajectory;

import io.trajectory.warehouse.period.FiscalQuarter;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * Where an indicator planned to be each quarter: the planned value, the stretch planned value,
 * the baseline to measure improvement from, and the reward threshold.
 *
 * <p>Explicit planned values win. Otherwise, for a LEVEL indicator the plan runs in a straight
 * line (by quarter) from the baseline in its quarter to the target in its quarter, and holds at
 * the target afterwards. For a CUMULATIVE_YTD indicator the <em>annual</em> total runs in a
 * straight line (by financial year) from the baseline year's total to the target year's total,
 * and each quarter's planned year-to-date value is that year's total times quarter / 4. The
 * stretch trajectory is the same with the stretch target.
 *
 * <p>The reward threshold is the baseline plus a share (by default 60%) of the way to the
 * stretch planned value for the quarter: "629 cases below the 60% stretch target" is a gap to it.
 *
 * <p>Before the baseline quarter there is no computed plan, and a missing baseline or target
 * gives empty values rather than an error. Immutable and thread-safe.
 */
public final class Trajectory {

    /** The share of the stretch improvement that earns the reward: 60%. */
    public static final double DEFAULT_REWARD_SHARE = 0.60;

    private final IndicatorTargets targets;
    private final Map<FiscalQuarter, PlannedValues> explicit;
    private final double rewardShare;

    private Trajectory(IndicatorTargets targets, Map<FiscalQuarter, PlannedValues> explicit, double rewardShare) {
        this.targets = targets;
        this.explicit = explicit;
        this.rewardShare = rewardShare;
    }

    /**
     * @param explicit    planned values given for particular quarters (may be null or empty)
     * @param rewardShare share of the stretch improvement that makes the reward threshold, 0 to 1
     * @throws IllegalArgumentException when {@code rewardShare} is not between 0 and 1
     */
    public static Trajectory of(IndicatorTargets targets, Map<FiscalQuarter, PlannedValues> explicit, double rewardShare) {
        Objects.requireNonNull(targets, "targets");
        if (!(rewardShare >= 0 && rewardShare <= 1)) {
            throw new IllegalArgumentException("reward share must be between 0 and 1 (0.6 for 60%), not " + rewardShare);
        }
        Map<FiscalQuarter, PlannedValues> copy = new HashMap<>();
        if (explicit != null) {
            explicit.forEach((q, values) -> {
                if (values != null) {
                    copy.put(Objects.requireNonNull(q, "quarter of an explicit planned value"), values);
                }
            });
        }
        return new Trajectory(targets, copy, rewardShare);
    }

    /** As {@link #of(IndicatorTargets, Map, double)} with the {@link #DEFAULT_REWARD_SHARE}. */
    public static Trajectory of(IndicatorTargets targets, Map<FiscalQuarter, PlannedValues> explicit) {
        return of(targets, explicit, DEFAULT_REWARD_SHARE);
    }

    public IndicatorTargets targets() {
        return targets;
    }

    public double rewardShare() {
        return rewardShare;
    }

    /** The planned value for the quarter: explicit if given, else on the line to the target. */
    public OptionalDouble planned(FiscalQuarter q) {
        return explicitOr(q, PlannedValues::planned, targets.targetValue());
    }

    /** The planned value on the stretch trajectory: explicit if given, else on the line to the stretch target. */
    public OptionalDouble stretchPlanned(FiscalQuarter q) {
        return explicitOr(q, PlannedValues::stretchPlanned, targets.stretchTargetValue());
    }

    /**
     * The baseline to compare the quarter with: the baseline value for a LEVEL indicator, and the
     * baseline year's total times quarter / 4 for a CUMULATIVE_YTD one. Empty without a baseline.
     */
    public OptionalDouble baselineFor(FiscalQuarter q) {
        Objects.requireNonNull(q, "quarter");
        Double baseline = targets.baselineValue();
        if (baseline == null) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(switch (targets.accumulation()) {
            case LEVEL -> baseline;
            case CUMULATIVE_YTD -> baseline * q.quarter() / 4.0;
        });
    }

    /**
     * {@code baselineFor(q) + rewardShare × (stretchPlanned(q) − baselineFor(q))}; empty when
     * either is unknown.
     */
    public OptionalDouble rewardThreshold(FiscalQuarter q) {
        OptionalDouble baseline = baselineFor(q);
        OptionalDouble stretch = stretchPlanned(q);
        if (baseline.isEmpty() || stretch.isEmpty()) {
            return OptionalDouble.empty();
        }
        double b = baseline.getAsDouble();
        return OptionalDouble.of(b + rewardShare * (stretch.getAsDouble() - b));
    }

    private OptionalDouble explicitOr(FiscalQuarter q, Function<PlannedValues, Double> field, Double target) {
        Objects.requireNonNull(q, "quarter");
        PlannedValues given = explicit.get(q);
        Double value = given == null ? null : field.apply(given);
        return value != null ? OptionalDouble.of(value) : computed(q, target);
    }

    private OptionalDouble computed(FiscalQuarter q, Double target) {
        FiscalQuarter baselinePeriod = targets.baselinePeriod();
        FiscalQuarter targetPeriod = targets.targetPeriod();
        Double baseline = targets.baselineValue();
        if (baselinePeriod == null || baseline == null || targetPeriod == null || target == null
                || targetPeriod.isBefore(baselinePeriod) || q.isBefore(baselinePeriod)) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(switch (targets.accumulation()) {
            case LEVEL -> along(baseline, target, baselinePeriod.ordinal(), targetPeriod.ordinal(), q.ordinal());
            case CUMULATIVE_YTD -> along(baseline, target, baselinePeriod.fiscalYear(), targetPeriod.fiscalYear(),
                    q.fiscalYear()) * q.quarter() / 4.0;
        });
    }

    // The value at x on the straight line from (x0, v0) to (x1, v1), held at v1 from x1 on; x >= x0.
    private static double along(double v0, double v1, int x0, int x1, int x) {
        if (x >= x1) {
            return v1;
        }
        return v0 + (v1 - v0) * (x - x0) / (x1 - x0);
    }

    @Override
    public String toString() {
        return "Trajectory[" + targets + ", explicit=" + explicit.size() + " quarters, rewardShare=" + rewardShare + "]";
    }
}
