package io.trajectory.warehouse.query;

import io.trajectory.warehouse.rating.Rating;

/**
 * A commitment's line in one quarter's report. {@code statusText} is the raw status cell;
 * {@code statedPreviousRating} is what this report says the status was last time, and
 * {@code recordedPreviousRating} what last quarter's report actually said, so
 * {@code previousRatingsDisagree} shows where the two differ.
 */
public record CommitmentRow(String period, String ref, int item, String priority, String achieve, String officer,
        Rating rating, Rating statedPreviousRating, String statedPreviousPeriod, Rating recordedPreviousRating,
        String statusText, String comment, String section, boolean provisional, boolean previousRatingsDisagree) {
}
