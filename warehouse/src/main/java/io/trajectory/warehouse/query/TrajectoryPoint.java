package io.trajectory.warehouse.query;

/**
 * An indicator's plan for one quarter.
 *
 * @param explicit the planned value was given in trajectories.csv rather than interpolated
 */
public record TrajectoryPoint(String indicator, String period, Double baseline, Double planned, Double stretchPlanned,
        Double rewardThreshold, boolean explicit) {
}
