package io.trajectory.warehouse.indicator;

import java.util.Locale;

/** The unit an indicator is measured in. */
public enum MeasureUnit {
    COUNT, PERCENT, RATE, SCORE, MONEY;

    /**
     * @throws IllegalArgumentException naming the text and the accepted values
     */
    public static MeasureUnit parse(String text) {
        String s = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        return switch (s) {
            case "COUNT", "NUMBER" -> COUNT;
            case "PERCENT", "%", "PERCENTAGE" -> PERCENT;
            case "RATE" -> RATE;
            case "SCORE" -> SCORE;
            case "MONEY", "£", "GBP" -> MONEY;
            default -> throw new IllegalArgumentException("Unrecognised unit '" + (text == null ? "" : text.strip())
                    + "'; expected count, percent, rate, score or money");
        };
    }
}
