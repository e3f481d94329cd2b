package io.trajectory.warehouse.indicator;

import io.trajectory.warehouse.period.FiscalQuarter;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When an indicator's figure is due: every quarter, or for an ANNUAL indicator only in its due
 * quarter (Q1 to Q4 of each financial year; Q4 unless the register says otherwise). The due
 * quarter is the quarter whose return carries the year's figure (its {@code period}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param frequency  how often a figure is produced
 * @param dueQuarter ANNUAL: the quarter of the year the figure is due in, 1 to 4; null otherwise
 */
public record ReportingSchedule(ReportingFrequency frequency, Integer dueQuarter) {

    /** An annual figure is due in Q4 (January to March, the year end) unless the register says otherwise. */
    public static final int DEFAULT_DUE_QUARTER = 4;

    /** Due every quarter. */
    public static final ReportingSchedule QUARTERLY = new ReportingSchedule(ReportingFrequency.QUARTERLY, null);

    private static final Pattern QUARTER = Pattern.compile("(?:Q|QUARTER\\s*)?([1-4])");

    public ReportingSchedule {
        Objects.requireNonNull(frequency, "frequency");
        if (frequency == ReportingFrequency.ANNUAL) {
            if (dueQuarter == null || dueQuarter < 1 || dueQuarter > 4) {
                throw new IllegalArgumentException("an annual indicator's due quarter must be 1 to 4, not " + dueQuarter);
            }
        } else if (dueQuarter != null) {
            throw new IllegalArgumentException("due_quarter is only for ANNUAL indicators; a " + frequency
                    + " indicator is due every quarter");
        }
    }

    /**
     * The schedule for a frequency and an optional due quarter (null: Q4 for an ANNUAL indicator).
     *
     * @throws IllegalArgumentException for a due quarter given to an indicator that is not ANNUAL
     */
    public static ReportingSchedule of(ReportingFrequency frequency, Integer dueQuarter) {
        Objects.requireNonNull(frequency, "frequency");
        if (frequency == ReportingFrequency.ANNUAL && dueQuarter == null) {
            return new ReportingSchedule(frequency, DEFAULT_DUE_QUARTER);
        }
        return new ReportingSchedule(frequency, dueQuarter);
    }

    /** Annual, due in quarter {@code q} (1 to 4). */
    public static ReportingSchedule annual(int q) {
        return new ReportingSchedule(ReportingFrequency.ANNUAL, q);
    }

    /**
     * Reads a due quarter: {@code Q4}, {@code 4}, {@code Quarter 4} (any case).
     *
     * @throws IllegalArgumentException naming the text and the accepted forms
     */
    public static int parseDueQuarter(String text) {
        String s = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        Matcher m = QUARTER.matcher(s);
        if (!m.matches()) {
            throw new IllegalArgumentException("Unrecognised due_quarter '" + (text == null ? "" : text.strip())
                    + "'; expected Q1, Q2, Q3 or Q4 (the quarter of each year whose return carries the annual figure)");
        }
        return Integer.parseInt(m.group(1));
    }

    public boolean isAnnual() {
        return frequency == ReportingFrequency.ANNUAL;
    }

    /** Whether a figure is due for quarter {@code q}. */
    public boolean isDue(FiscalQuarter q) {
        Objects.requireNonNull(q, "quarter");
        return !isAnnual() || q.quarter() == dueQuarter;
    }

    /** Words for reasons: "annual, due in Q4"; "quarterly"; "monthly, reported quarterly". */
    public String describe() {
        return switch (frequency) {
            case ANNUAL -> "annual, due in Q" + dueQuarter;
            case QUARTERLY -> "quarterly";
            case MONTHLY -> "monthly, reported quarterly";
        };
    }

    /** "not due in 2007/08 Q3 (annual, due in Q4)": why an annual indicator has no figure for {@code q}. */
    public String notDueReason(FiscalQuarter q) {
        return "not due in " + q + " (" + describe() + ")";
    }
}
