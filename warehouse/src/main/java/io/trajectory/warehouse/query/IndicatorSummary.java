package io.trajectory.warehouse.query;

import io.trajectory.warehouse.indicator.Accumulation;
import io.trajectory.warehouse.indicator.MeasureUnit;
import io.trajectory.warehouse.indicator.Polarity;
import io.trajectory.warehouse.indicator.ReportingFrequency;

/**
 * The current version of an indicator, for lists.
 *
 * @param frequency  QUARTERLY, ANNUAL or MONTHLY (reported as a quarterly figure)
 * @param dueQuarter ANNUAL: the quarter of the year (1 to 4) whose return carries the year's figure; null otherwise
 */
public record IndicatorSummary(String ref, String niCode, String title, String theme, Polarity polarity, MeasureUnit unit,
        Accumulation accumulation, Double targetValue, Double stretchTargetValue, boolean rewardTarget, String officer,
        int version, ReportingFrequency frequency, Integer dueQuarter) {
}
