package io.trajectory.warehouse.rating;

import java.util.Objects;

/**
 * A rating worked out from the numbers by a {@link RatingRule}, shown beside the officer's.
 *
 * @param reason a short sentence a committee member understands, e.g. "Behind trajectory
 *               (16,379 against 16,750 planned), but the recent trend ..."
 */
public record ComputedRating(Rating rating, String reason) {

    public ComputedRating {
        Objects.requireNonNull(rating, "rating");
        Objects.requireNonNull(reason, "reason");
    }

    /**
     * Whether the officer's rating should be flagged as inconsistent with this one. Nothing is
     * flagged when the officer gave no rating or ENDED (which no rule can compute), nor when no
     * figure was due (NOT_DUE: an officer may carry an annual rating forward). ACHIEVED
     * is flagged only against a computed AMBER or RED, since "achieved" is at least "on
     * trajectory". Otherwise any difference is flagged, including a rating given where the
     * numbers show no actual or no target.
     */
    public boolean disagreesWith(Rating officer) {
        if (officer == null || officer == Rating.ENDED || rating == Rating.NOT_DUE) {
            return false;
        }
        if (officer == Rating.ACHIEVED) {
            return rating == Rating.AMBER || rating == Rating.RED;
        }
        return officer != rating;
    }
}
