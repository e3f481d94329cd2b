package io.trajectory.warehouse.query;

/**
 * A number of indicators and its share (0 to 1) under the pack's share rule; the share is null
 * when the rule gives none (nothing to divide by, or a rating left out).
 */
public record PackCount(long count, Double share) {
}
