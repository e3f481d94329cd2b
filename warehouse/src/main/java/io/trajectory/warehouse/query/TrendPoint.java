package io.trajectory.warehouse.query;

/**
 * One quarter of an indicator's trend. A quarter with no figure (or before the indicator was in
 * force) has nulls. Directions are against the named quarter (previous, same quarter last year);
 * when one is missing the direction is null and its reason says which quarter has no actual.
 */
public record TrendPoint(String period, Double actual, Double planned, Double stretchPlanned, Double target,
        String rating, boolean provisional, String directionVsPreviousQuarter, String directionVsSameQuarterLastYear,
        String comment, String directionVsPreviousQuarterReason, String directionVsSameQuarterLastYearReason) {
}
