package io.trajectory.warehouse.query;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A quarter of the snapshot with its return's sign-off.
 *
 * @param period          canonical label, {@code 2007/08 Q1}
 * @param key             {@code fiscal_year * 10 + quarter}
 * @param figuresReported whole-authority figures with an actual (latest basis)
 */
public record PeriodRow(String period, int key, String fiscalYear, int quarter, LocalDate startDate, LocalDate endDate,
        boolean hasReturn, boolean signedOff, String signedOffBy, Instant signedOffAt, boolean published,
        boolean provisional, long figuresReported) {
}
