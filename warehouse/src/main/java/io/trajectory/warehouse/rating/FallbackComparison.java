package io.trajectory.warehouse.rating;

import io.trajectory.warehouse.period.FiscalQuarter;
import java.util.Locale;

/** The period a tolerance-band rule compares with when an indicator is outside its band. */
public enum FallbackComparison {
    SAME_QUARTER_LAST_YEAR("the same quarter last year"),
    PREVIOUS_QUARTER("the previous quarter");

    private final String label;

    FallbackComparison(String label) {
        this.label = label;
    }

    /** Words for reasons, e.g. "the same quarter last year". */
    public String label() {
        return label;
    }

    /** The quarter compared with when rating {@code period}. */
    public FiscalQuarter periodFor(FiscalQuarter period) {
        return this == PREVIOUS_QUARTER ? period.previous() : period.sameQuarterLastYear();
    }

    /** That quarter's actual from the inputs; null when it is missing. */
    public Double actualFrom(RatingInputs in) {
        return this == PREVIOUS_QUARTER ? in.previousQuarterActual() : in.sameQuarterLastYearActual();
    }

    /** The name in configuration: {@code same-quarter-last-year} or {@code previous-quarter}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Reads {@code same-quarter-last-year} or {@code previous-quarter} (any case, with hyphens,
     * underscores or spaces).
     *
     * @throws IllegalArgumentException naming the text and the accepted values
     */
    public static FallbackComparison parse(String text) {
        String s = text == null ? "" : text.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
        return switch (s) {
            case "SAME_QUARTER_LAST_YEAR" -> SAME_QUARTER_LAST_YEAR;
            case "PREVIOUS_QUARTER" -> PREVIOUS_QUARTER;
            default -> throw new IllegalArgumentException("Unrecognised fallback comparison '"
                    + (text == null ? "" : text.strip()) + "'; expected same-quarter-last-year or previous-quarter");
        };
    }
}
