package io.trajectory.warehouse.query;

import io.trajectory.warehouse.rating.Rating;

/**
 * One cell group of the Indicator Risk Summary: how many of a theme's indicators (or the Totals)
 * had a rating in the quarter, the quarter before and the same quarter a year before, in an area
 * (a code, {@code ""} for the whole authority, {@code all} for every area together). The earlier
 * quarters' counts are null when that quarter has no published return; shares follow the share
 * rule (Green, Amber, Red and Achieved of those with data; Not available of all counted; null
 * for Ended and No target).
 */
public record RiskSummaryRow(String area, String theme, Rating rating, String period, long count, Double share,
        String previousPeriod, Long previousCount, Double previousShare,
        String lastYearPeriod, Long lastYearCount, Double lastYearShare) {
}
