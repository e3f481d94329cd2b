package io.trajectory.warehouse.query;

/** The current version of an indicator, for lists. */
public record IndicatorSummary(String ref, String niCode, String title, String theme, String polarity, String unit,
        String accumulation, Double targetValue, Double stretchTargetValue, boolean rewardTarget, String officer,
        int version) {
}
