package io.trajectory.warehouse.query;

import io.trajectory.warehouse.indicator.Accumulation;
import io.trajectory.warehouse.indicator.MeasureUnit;
import io.trajectory.warehouse.indicator.Polarity;
import io.trajectory.warehouse.indicator.ReportingFrequency;

import java.util.List;

/**
 * An indicator's definition (its current version), targets, planned trajectory and the history
 * of changes to its definition (every version, oldest first).
 *
 * @param frequency  QUARTERLY, ANNUAL or MONTHLY (reported as a quarterly figure)
 * @param dueQuarter ANNUAL: the quarter of the year (1 to 4) whose return carries the year's figure; null otherwise
 */
public record IndicatorDetail(String ref, String niCode, String title, String theme, Polarity polarity, MeasureUnit unit,
        Accumulation accumulation, ReportingFrequency frequency, Integer dueQuarter, String baselinePeriod, Double baselineValue, String targetPeriod, Double targetValue,
        Double stretchTargetValue, boolean rewardTarget, String officer, List<TrajectoryPoint> trajectory,
        List<IndicatorVersion> history) {
}
