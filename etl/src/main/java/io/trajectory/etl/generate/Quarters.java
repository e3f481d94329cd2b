package io.trajectory.etl.generate;

import io.trajectory.warehouse.period.FiscalQuarter;

/**
 * Quarter arithmetic by index from the zone's first quarter (index 0), without allocating in the
 * hot loop. Negative indexes are the quarters before the first. Immutable and thread-safe.
 */
final class Quarters {

    final FiscalQuarter first;
    private final int firstOrdinal;

    Quarters(FiscalQuarter first) {
        this.first = first;
        this.firstOrdinal = first.ordinal();
    }

    FiscalQuarter quarter(int t) {
        return FiscalQuarter.ofOrdinal(firstOrdinal + t);
    }

    int fiscalYear(int t) {
        return Math.floorDiv(firstOrdinal + t, 4);
    }

    /** 1 to 4. */
    int quarterOfYear(int t) {
        return Math.floorMod(firstOrdinal + t, 4) + 1;
    }
}
