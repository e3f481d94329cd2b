package io.trajectory.etl.definitions;

import io.trajectory.warehouse.indicator.Accumulation;
import io.trajectory.warehouse.indicator.MeasureUnit;
import io.trajectory.warehouse.indicator.Polarity;
import io.trajectory.warehouse.indicator.ReportingSchedule;
import io.trajectory.warehouse.period.FiscalQuarter;
import io.trajectory.warehouse.trajectory.IndicatorTargets;

/**
 * One version of an indicator from the register, in force from {@code validFrom} up to (not
 * including) {@code validTo} (null while it is the latest version).
 *
 * @param schedule when its figure is due: every quarter, or an ANNUAL indicator's only in its due quarter
 */
public record IndicatorVersion(String ref, int version, String niCode, String title, String theme,
                               Polarity polarity, MeasureUnit unit, Accumulation accumulation,
                               ReportingSchedule schedule, FiscalQuarter baselinePeriod, Double baselineValue,
                               FiscalQuarter targetPeriod, Double targetValue, Double stretchTargetValue,
                               boolean rewardTarget, String officer, FiscalQuarter validFrom, FiscalQuarter validTo,
                               String sourceFile, long sourceLine) {

    public boolean isInForce(FiscalQuarter q) {
        return !q.isBefore(validFrom) && (validTo == null || q.isBefore(validTo));
    }

    public IndicatorTargets targets() {
        return new IndicatorTargets(polarity, accumulation, baselinePeriod, baselineValue, targetPeriod, targetValue,
                stretchTargetValue);
    }

    IndicatorVersion withVersion(int newVersion, FiscalQuarter newValidTo) {
        return new IndicatorVersion(ref, newVersion, niCode, title, theme, polarity, unit, accumulation, schedule,
                baselinePeriod,
                baselineValue, targetPeriod, targetValue, stretchTargetValue, rewardTarget, officer, validFrom, newValidTo,
                sourceFile, sourceLine);
    }
}
