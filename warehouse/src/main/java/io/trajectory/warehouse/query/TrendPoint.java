package io.trajectory.warehouse.query;

import io.trajectory.warehouse.rating.Rating;
import io.trajectory.warehouse.trajectory.DirectionOfTravel;

/**
 * One quarter of an indicator's trend in an area ({@code ""} = the whole authority). A quarter
 * with no figure (or before the indicator was in force) has nulls. Directions are against the
 * named quarter (previous, same quarter last year); when one is missing the direction is null and
 * its reason says which quarter has no actual. An area with no plan of its own has no planned
 * value or target, and {@code noPlanReason} says so. {@code groupMedian} is the median figure of
 * the comparison group asked for (null when none was).
 */
public record TrendPoint(String indicator, String area, String period, Double actual, Double planned,
        Double stretchPlanned, Double target, Rating rating, boolean provisional,
        DirectionOfTravel directionVsPreviousQuarter, DirectionOfTravel directionVsSameQuarterLastYear, String comment,
        String directionVsPreviousQuarterReason, String directionVsSameQuarterLastYearReason, String noPlanReason,
        Double groupMedian) {

    /** This point with a comparison group's median for its quarter. */
    public TrendPoint withGroupMedian(Double median) {
        return new TrendPoint(indicator, area, period, actual, planned, stretchPlanned, target, rating, provisional,
                directionVsPreviousQuarter, directionVsSameQuarterLastYear, comment, directionVsPreviousQuarterReason,
                directionVsSameQuarterLastYearReason, noPlanReason, median);
    }
}
