package io.trajectory.etl.generate;

import io.trajectory.warehouse.indicator.MeasureUnit;

import java.util.List;

/**
 * One plan for one indicator: the register's (the whole authority's), an authority's own or a
 * district's own. A baseline, the target (and stretch target) in force from each
 * {@code validFrom}, and for a few plans explicit planned values per quarter. Worked out as the
 * warehouse works out a trajectory: linear from baseline to target by quarter (CUMULATIVE_YTD:
 * the annual figure linear by year, profiled q/4), flat at the target after the target period;
 * explicit values win. Every plan of an indicator shares its register's type-2 story: a target
 * revised, or set late, at the same quarter. Immutable and thread-safe.
 */
final class SyntheticPlan {

    /** Year-to-date share of the annual plan after each quarter, for explicit cumulative trajectories. */
    private static final double[] EXPLICIT_SHARES = {0.22, 0.47, 0.73, 1.0};
    /** The stretch target goes this much further than the target. */
    private static final double STRETCH = 1.25;
    /** A percentage plan starts no higher than this, so its targets stay below 100. */
    static final double PERCENT_BASELINE_CEILING = 90;

    /**
     * The target in force from quarter index {@code validFrom}; NaN {@code value} = no target yet.
     */
    record Target(int validFrom, double value, double stretch) {
        boolean isSet() {
            return !Double.isNaN(value);
        }
    }

    final SyntheticIndicator indicator;
    final double baseline;
    /** The share of the baseline this plan means to improve by (before rounding). */
    final double improvement;
    final List<Target> targets;
    /** The improvement the figures actually work towards: the first target minus the baseline. */
    final double modelDelta;
    /** Explicit planned values for t = 0 .. HORIZON-1, or null for the linear trajectory. */
    final double[] explicitPlanned;
    final double[] explicitStretch;

    /**
     * @param baseline    rounded here to the indicator's decimals (a percentage held below
     *                    {@value #PERCENT_BASELINE_CEILING})
     * @param improvement the share of the baseline to improve by, in the better direction
     * @param explicit    whether the plan profiles its trajectory quarter by quarter
     */
    SyntheticPlan(SyntheticIndicator indicator, double baseline, double improvement, boolean explicit) {
        this.indicator = indicator;
        this.improvement = improvement;
        int decimals = indicator.decimals;
        this.baseline = round(indicator.unit == MeasureUnit.PERCENT
                ? Math.min(PERCENT_BASELINE_CEILING, baseline) : baseline, decimals);
        double step = 1.0 / CsvOut.scale(decimals);
        double target = bounded(this.baseline + indicator.sign * Math.max(this.baseline * improvement, step));
        double stretch = indicator.hasStretch ? stretchFor(target) : Double.NaN;
        modelDelta = target - this.baseline;

        int changeAt = indicator.changeAt;
        targets = switch (indicator.change) {
            case NONE, OFFICER_CHANGED -> List.of(new Target(0, target, stretch));
            case TARGET_REVISED -> {
                double revised = bounded(this.baseline + (target - this.baseline) * indicator.revisionFactor);
                if (revised == target) {
                    revised = bounded(target + indicator.sign * step);
                }
                yield List.of(new Target(0, target, stretch),
                        new Target(changeAt, revised, indicator.hasStretch ? stretchFor(revised) : Double.NaN));
            }
            case TARGET_SET -> List.of(new Target(0, Double.NaN, Double.NaN), new Target(changeAt, target, stretch));
        };

        if (explicit) {
            explicitPlanned = new double[SyntheticIndicator.HORIZON];
            explicitStretch = indicator.hasStretch ? new double[SyntheticIndicator.HORIZON] : null;
            for (int t = 0; t < SyntheticIndicator.HORIZON; t++) {
                explicitPlanned[t] = round(explicitProfile(target, t), decimals);
                if (explicitStretch != null) {
                    explicitStretch[t] = round(explicitProfile(stretch, t), decimals);
                }
            }
        } else {
            explicitPlanned = null;
            explicitStretch = null;
        }
    }

    /** The target in force at quarter index t (t ≥ 0). */
    Target targetAt(int t) {
        Target last = targets.get(0);
        for (int k = 1; k < targets.size(); k++) {
            if (targets.get(k).validFrom() <= t) {
                last = targets.get(k);
            }
        }
        return last;
    }

    /**
     * The planned value at quarter index t under a target that is set: the explicit value if
     * there is one, otherwise linear from baseline to target (CUMULATIVE_YTD: the annual figure,
     * linear by year, profiled q/4), flat at the target after the target period.
     */
    double planned(Target target, int t) {
        if (explicitPlanned != null && t >= 0 && t < SyntheticIndicator.HORIZON) {
            return explicitPlanned[t];
        }
        if (!indicator.isCumulative()) {
            return baseline + (target.value() - baseline) * SyntheticIndicator.levelProgress(t);
        }
        double share = explicitPlanned != null
                ? EXPLICIT_SHARES[indicator.quarters.quarterOfYear(t) - 1]
                : indicator.quarters.quarterOfYear(t) / 4.0;
        return annualPlanned(target.value(), t) * share;
    }

    /** The planned value at the Q4 of quarter index t's year, under the target in force then (null target: NaN). */
    double plannedAtYearEnd(int t) {
        int q4 = t + 4 - indicator.quarters.quarterOfYear(t);
        Target target = targetAt(q4);
        return target.isSet() ? planned(target, q4) : Double.NaN;
    }

    private double annualPlanned(double target, int t) {
        return baseline + (target - baseline) * indicator.yearProgress(t);
    }

    private double explicitProfile(double target, int t) {
        if (!indicator.isCumulative()) {
            // A plan that expects the impact late: slow start, faster finish.
            return baseline + (target - baseline) * Math.pow(SyntheticIndicator.levelProgress(t), 1.4);
        }
        return annualPlanned(target, t) * EXPLICIT_SHARES[indicator.quarters.quarterOfYear(t) - 1];
    }

    private double stretchFor(double target) {
        return bounded(baseline + (target - baseline) * STRETCH);
    }

    /** Rounded, never below zero, and a percentage never above 100. */
    private double bounded(double value) {
        return round(indicator.unit == MeasureUnit.PERCENT ? Math.min(100, value) : value, indicator.decimals);
    }

    static double round(double value, int decimals) {
        long scale = CsvOut.scale(decimals);
        return Math.round(Math.max(0, value) * scale) / (double) scale;
    }
}
