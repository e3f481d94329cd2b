package io.trajectory.api.pages;

/**
 * One cell group of the Indicator Risk Summary: how many of a theme's indicators (or the Totals)
 * had a rating in the quarter, the quarter before and the same quarter a year before. Counts are
 * null for a quarter with no published return; shares follow the share rule (Green, Amber, Red
 * and Achieved of those with data; Not available of all counted).
 */
public record RiskSummaryRow(String theme, String rating, String period, long count, Double share,
        String previousPeriod, Long previousCount, Double previousShare,
        String lastYearPeriod, Long lastYearCount, Double lastYearShare) {
}
