package io.trajectory.warehouse.query;

/** A comparison group's median figure for one quarter, and how many of its members had a figure. */
public record GroupMedianPoint(String period, Double groupMedian, long membersWithFigure) {
}
