package io.trajectory.warehouse.query;

import io.trajectory.warehouse.indicator.Polarity;
import io.trajectory.warehouse.rating.Rating;
import io.trajectory.warehouse.trajectory.DirectionOfTravel;

/**
 * Where an indicator is against where it planned to be in a quarter, in an area ({@code ""} =
 * the whole authority). Gaps are oriented by polarity: positive means ahead.
 * {@code gapShareOfPlannedImprovement} is {@code (actual - planned) / (planned - baseline)}.
 * {@code computedRating} comes from the configured rule, with its reason; it is null for an area
 * with no plan of its own (the reason says so). {@code ratingsDisagree} flags a rating the officer
 * gave when it is inconsistent with the computed one. {@code comment} is the officer's
 * commentary for the quarter and {@code officerTrend} the direction the officer recorded beside the
 * rating (null when none was given).
 */
public record GapRow(String indicator, String period, String area, String title, String theme, Polarity polarity,
        Double actual, Double planned, Double gap, Double gapShareOfPlannedImprovement, Double stretchPlanned,
        Double gapToStretch, Double rewardThreshold, Double gapToReward, Rating reportedRating, Rating computedRating,
        boolean ratingsDisagree, String computedRatingReason, String comment, DirectionOfTravel officerTrend) {
}
