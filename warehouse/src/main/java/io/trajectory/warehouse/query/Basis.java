package io.trajectory.warehouse.query;

import java.util.Locale;

/**
 * Which revision of each figure a query uses: the newest ({@code latest}) or the one the
 * committee first saw ({@code as-reported}). {@link #code()} is the value stored in
 * {@code mart_indicator_quarter.basis} and accepted in requests.
 */
public enum Basis {
    LATEST("latest"),
    AS_REPORTED("as-reported");

    /** For error messages. */
    public static final String ACCEPTED_FORMS = "latest or as-reported";

    private final String code;

    Basis(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /**
     * Reads {@code latest} or {@code as-reported} ({@code as_reported}, any case); blank gives latest.
     *
     * @throws IllegalArgumentException naming the text and the accepted values
     */
    public static Basis parse(String text) {
        if (text == null || text.isBlank()) {
            return LATEST;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT).replace('_', '-')) {
            case "latest" -> LATEST;
            case "as-reported" -> AS_REPORTED;
            default -> throw new IllegalArgumentException("Unrecognised basis '" + text.strip() + "'; expected " + ACCEPTED_FORMS);
        };
    }

    @Override
    public String toString() {
        return code;
    }
}
