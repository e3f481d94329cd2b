package io.trajectory.etl.definitions;

/** One row of {@code fact_trajectory}: an indicator's plan for one quarter. */
public record TrajectoryPoint(String ref, int periodKey, Double baseline, Double planned, Double stretchPlanned,
                              Double rewardThreshold, boolean explicit) {
}
