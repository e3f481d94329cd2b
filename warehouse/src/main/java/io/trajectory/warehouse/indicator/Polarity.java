package io.trajectory.warehouse.indicator;

import java.math.BigDecimal;
import java.util.Locale;

/** Which way is better for an indicator. Gaps and directions multiply by {@link #sign()}. */
public enum Polarity {
    HIGHER_IS_BETTER(1),
    LOWER_IS_BETTER(-1);

    private final int sign;

    Polarity(int sign) {
        this.sign = sign;
    }

    /** +1 when higher is better, -1 when lower is better. */
    public int sign() {
        return sign;
    }

    /** {@code difference} oriented so that positive always means better. */
    public BigDecimal orient(BigDecimal difference) {
        return sign > 0 ? difference : difference.negate();
    }

    /** {@code difference} oriented so that positive always means better. */
    public double orient(double difference) {
        return sign * difference;
    }

    /**
     * @throws IllegalArgumentException naming the text and the accepted values
     */
    public static Polarity parse(String text) {
        String s = text == null ? "" : text.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
        return switch (s) {
            case "HIGHER_IS_BETTER", "HIGHER", "UP", "DESCENDING" -> HIGHER_IS_BETTER;
            case "LOWER_IS_BETTER", "LOWER", "DOWN", "ASCENDING" -> LOWER_IS_BETTER;
            default -> throw new IllegalArgumentException("Unrecognised polarity '" + (text == null ? "" : text.strip())
                    + "'; expected HIGHER_IS_BETTER or LOWER_IS_BETTER");
        };
    }
}
