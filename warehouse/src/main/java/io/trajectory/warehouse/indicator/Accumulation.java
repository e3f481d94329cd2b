package io.trajectory.warehouse.indicator;

import java.util.Locale;

/**
 * How an indicator's values add up over the year. A LEVEL is a value at a point in time (a
 * rate, a caseload); a CUMULATIVE_YTD value counts from 1 April and resets each financial year.
 */
public enum Accumulation {
    LEVEL,
    CUMULATIVE_YTD;

    /**
     * @throws IllegalArgumentException naming the text and the accepted values
     */
    public static Accumulation parse(String text) {
        String s = text == null ? "" : text.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
        return switch (s) {
            case "LEVEL" -> LEVEL;
            case "CUMULATIVE_YTD", "CUMULATIVE", "YTD" -> CUMULATIVE_YTD;
            default -> throw new IllegalArgumentException("Unrecognised accumulation '" + (text == null ? "" : text.strip())
                    + "'; expected LEVEL or CUMULATIVE_YTD");
        };
    }
}
