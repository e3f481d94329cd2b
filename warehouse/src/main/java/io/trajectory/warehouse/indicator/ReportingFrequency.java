package io.trajectory.warehouse.indicator;

import java.util.Locale;

/**
 * How often an indicator's figure is produced. Every indicator is reported in the quarterly
 * return; the frequency says which quarters a figure is due in.
 *
 * <ul>
 *   <li>QUARTERLY (the default): a figure is due every quarter.</li>
 *   <li>MONTHLY: measured monthly, reported as a quarterly figure (the quarter's last month for a
 *       LEVEL indicator, the quarter's months added up for a count); due every quarter.</li>
 *   <li>ANNUAL: one figure a year, due in one quarter (see {@link ReportingSchedule}); in the
 *       other quarters no figure is expected, so a gap there is "not due", not "not available".</li>
 * </ul>
 */
public enum ReportingFrequency {
    MONTHLY,
    QUARTERLY,
    ANNUAL;

    /**
     * Reads {@code QUARTERLY}, {@code ANNUAL} or {@code MONTHLY} as people write them
     * ({@code Quarterly}, {@code annually}, {@code yearly}, {@code monthly}).
     *
     * @throws IllegalArgumentException naming the text and the accepted values
     */
    public static ReportingFrequency parse(String text) {
        String s = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        return switch (s) {
            case "QUARTERLY", "QUARTER" -> QUARTERLY;
            case "ANNUAL", "ANNUALLY", "YEARLY" -> ANNUAL;
            case "MONTHLY", "MONTH" -> MONTHLY;
            default -> throw new IllegalArgumentException("Unrecognised frequency '" + (text == null ? "" : text.strip())
                    + "'; expected QUARTERLY, ANNUAL, MONTHLY or blank (QUARTERLY)");
        };
    }
}
