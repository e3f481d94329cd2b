package io.trajectory.warehouse.query;

/**
 * One theme (or {@code Totals}) and rating in a comparison of two quarters, with the counts and
 * the shares under the share rule (fractions 0 to 1; null for ENDED and NO_TARGET, and when
 * there is nothing to share).
 */
public record ComparisonRow(String theme, String rating, long fromCount, long toCount, Double fromShare,
        Double toShare) {
}
