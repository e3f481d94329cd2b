package io.trajectory.etl.definitions;

import io.trajectory.warehouse.period.FiscalQuarter;

/**
 * A planned value given explicitly for one quarter (a row of {@code definitions/trajectories.csv});
 * {@code area} is blank for the whole authority. Either value may be null.
 */
public record PlannedValue(String ref, String area, FiscalQuarter period, Double planned, Double stretchPlanned,
                           String sourceFile, long sourceLine) {
}
