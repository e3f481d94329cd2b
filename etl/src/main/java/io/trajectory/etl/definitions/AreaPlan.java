package io.trajectory.etl.definitions;

import io.trajectory.warehouse.period.FiscalQuarter;

/**
 * One version of an area's own plan for an indicator (a row of {@code definitions/area_targets.csv}),
 * in force from {@code validFrom} up to (not including) {@code validTo}, null while it is the
 * latest. The indicator's polarity and accumulation come from the register.
 */
public record AreaPlan(String ref, String area, int version, FiscalQuarter baselinePeriod, Double baselineValue,
                       FiscalQuarter targetPeriod, Double targetValue, Double stretchTargetValue,
                       FiscalQuarter validFrom, FiscalQuarter validTo, String sourceFile, long sourceLine) {

    AreaPlan withVersion(int newVersion, FiscalQuarter newValidTo) {
        return new AreaPlan(ref, area, newVersion, baselinePeriod, baselineValue, targetPeriod, targetValue,
                stretchTargetValue, validFrom, newValidTo, sourceFile, sourceLine);
    }
}
