package io.trajectory.warehouse.query;

import io.trajectory.warehouse.rating.Rating;

/**
 * One theme (or {@code Totals}) and rating in a comparison of two quarters, with the counts and
 * the shares under the share rule (fractions 0 to 1; null for ENDED and NO_TARGET, and when
 * there is nothing to share). {@code area} is the area compared: a code, {@code ""} for the whole
 * authority, {@code all} for every area together (and for commitments).
 */
public record ComparisonRow(String fromPeriod, String toPeriod, String area, String theme, Rating rating, long fromCount,
        long toCount, Double fromShare, Double toShare) {
}
