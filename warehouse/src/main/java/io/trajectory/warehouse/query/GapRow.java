package io.trajectory.warehouse.query;

/**
 * Where an indicator is against where it planned to be in a quarter. Gaps are oriented by
 * polarity: positive means ahead. {@code gapShareOfPlannedImprovement} is
 * {@code (actual - planned) / (planned - baseline)}. {@code computedRating} comes from the
 * configured rule, with its reason; {@code ratingsDisagree} flags the officer's rating when it is
 * inconsistent with it. {@code comment} is the officer's commentary for the quarter.
 */
public record GapRow(String indicator, String title, String theme, String polarity, Double actual, Double planned,
        Double gap, Double gapShareOfPlannedImprovement, Double stretchPlanned, Double gapToStretch,
        Double rewardThreshold, Double gapToReward, String reportedRating, String computedRating,
        boolean ratingsDisagree, String computedRatingReason, String comment) {
}
