package io.trajectory.warehouse.trajectory;

/**
 * Planned values given explicitly for one quarter (a row of {@code definitions/trajectories.csv}).
 * Either may be null, and then the computed trajectory applies for that value. Values must be
 * finite.
 */
public record PlannedValues(Double planned, Double stretchPlanned) {

    public PlannedValues {
        IndicatorTargets.requireFiniteOrNull(planned, "planned");
        IndicatorTargets.requireFiniteOrNull(stretchPlanned, "stretchPlanned");
    }
}
