package io.trajectory.warehouse.query;

import io.trajectory.warehouse.rating.Rating;
import io.trajectory.warehouse.trajectory.DirectionOfTravel;

/**
 * One area's line of an indicator compared across an authority and the areas within it, in one
 * quarter: where it stands against its own plan (as {@link GapRow}: gaps positive when ahead;
 * planned value, gaps and computed rating null for an area with no plan of its own, and
 * {@code noPlanReason} says so), the officer's rating, the directions of travel against the
 * previous quarter and the same quarter last year (null with the reason when a quarter has no
 * actual) and the officer's comment. Flat, so it is also a CSV row.
 *
 * @param areaType {@code whole authority}, or the kind of area ({@code district}, {@code authority}, ...)
 */
public record AreaGapRow(String indicator, String period, String area, String areaName, String areaType,
        Double actual, Double planned, Double gap, Double gapShareOfPlannedImprovement, Double stretchPlanned,
        Double gapToStretch, Double rewardThreshold, Double gapToReward, Rating reportedRating, Rating computedRating,
        boolean ratingsDisagree, String computedRatingReason, String noPlanReason,
        DirectionOfTravel directionVsPreviousQuarter, String directionVsPreviousQuarterReason,
        DirectionOfTravel directionVsSameQuarterLastYear, String directionVsSameQuarterLastYearReason, String comment) {
}
