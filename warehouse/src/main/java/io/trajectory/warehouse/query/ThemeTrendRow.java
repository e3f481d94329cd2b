package io.trajectory.warehouse.query;

import io.trajectory.warehouse.rating.Rating;

/**
 * How many indicators of a theme (or {@code Totals}) had a rating in a quarter, in an area (a
 * code, {@code ""} for the whole authority, {@code all} for every area together), and the share
 * under the share rule (of indicators with data for GREEN, AMBER, RED and ACHIEVED; of counted
 * indicators for NOT_AVAILABLE; null for ENDED and NO_TARGET). Shares are fractions, 0 to 1.
 */
public record ThemeTrendRow(String theme, String period, String area, Rating rating, long count, Double share) {
}
