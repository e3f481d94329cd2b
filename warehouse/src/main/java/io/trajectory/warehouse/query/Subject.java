package io.trajectory.warehouse.query;

import java.util.Locale;

/** What a comparison counts: indicators or commitments. */
public enum Subject {
    INDICATORS("indicators"),
    COMMITMENTS("commitments");

    public static final String ACCEPTED_FORMS = "indicators or commitments";

    private final String code;

    Subject(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /**
     * Reads {@code indicators} or {@code commitments} (any case); blank gives indicators.
     *
     * @throws IllegalArgumentException naming the text and the accepted values
     */
    public static Subject parse(String text) {
        if (text == null || text.isBlank()) {
            return INDICATORS;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "indicators", "indicator" -> INDICATORS;
            case "commitments", "commitment" -> COMMITMENTS;
            default -> throw new IllegalArgumentException("Unrecognised subject '" + text.strip() + "'; expected " + ACCEPTED_FORMS);
        };
    }

    @Override
    public String toString() {
        return code;
    }
}
