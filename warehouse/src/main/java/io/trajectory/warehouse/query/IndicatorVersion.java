package io.trajectory.warehouse.query;

import io.trajectory.warehouse.indicator.Accumulation;
import io.trajectory.warehouse.indicator.MeasureUnit;
import io.trajectory.warehouse.indicator.Polarity;
import io.trajectory.warehouse.indicator.ReportingFrequency;

import java.util.List;

/**
 * One version of an indicator (type-2 history), in force from {@code validFrom} up to, not
 * including, {@code validTo} (null while current).
 *
 * @param changes what this version changed from the one before, in words ("target 420 to 380");
 *                empty for the first version
 * @param frequency  QUARTERLY, ANNUAL or MONTHLY
 * @param dueQuarter ANNUAL: the quarter of the year (1 to 4) its figure is due in; null otherwise
 */
public record IndicatorVersion(int version, String ref, String niCode, String title, String theme, Polarity polarity,
        MeasureUnit unit, Accumulation accumulation, String baselinePeriod, Double baselineValue, String targetPeriod,
        Double targetValue, Double stretchTargetValue, boolean rewardTarget, String officer, String validFrom,
        String validTo, boolean current, List<String> changes, ReportingFrequency frequency, Integer dueQuarter) {

    IndicatorVersion withChanges(List<String> newChanges) {
        return new IndicatorVersion(version, ref, niCode, title, theme, polarity, unit, accumulation, baselinePeriod,
                baselineValue, targetPeriod, targetValue, stretchTargetValue, rewardTarget, officer, validFrom, validTo,
                current, List.copyOf(newChanges), frequency, dueQuarter);
    }
}
