package io.trajectory.etl.importer;

import io.trajectory.warehouse.period.FiscalQuarter;
import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * One figure read from a source row, before it is written to a return.
 *
 * @param quarter       the quarter the figure is for
 * @param month         the month, when the source gives months (aggregated to {@code quarter} later); else null
 * @param returnQuarter the return it belongs to: the row's own quarter (a last-quarter column restates)
 * @param current       true for the row's own quarter: only those carry the rating, comment and plan
 */
record Observation(String ref, String area, FiscalQuarter quarter, YearMonth month, FiscalQuarter returnQuarter,
                   boolean current, BigDecimal actual, String rag, String trend, String dataStatus, String comment,
                   String reportedBy, BigDecimal planned, BigDecimal stretchPlanned, String where) {

    /** The series and quarter this figure is for, whatever return it is in. */
    String figureKey() {
        return ref + "\u0001" + area + "\u0001" + quarter.key();
    }

    Observation withValues(BigDecimal actual, BigDecimal planned, BigDecimal stretchPlanned) {
        return new Observation(ref, area, quarter, month, returnQuarter, current, actual, rag, trend, dataStatus, comment,
                reportedBy, planned, stretchPlanned, where);
    }

    Observation asQuarter(FiscalQuarter q, BigDecimal actual, BigDecimal planned, BigDecimal stretch, String where) {
        return new Observation(ref, area, q, null, q, current, actual, rag, trend, dataStatus, comment, reportedBy, planned,
                stretch, where);
    }
}
