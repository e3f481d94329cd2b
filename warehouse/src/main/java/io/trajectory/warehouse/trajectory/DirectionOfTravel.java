package io.trajectory.warehouse.trajectory;

import java.util.Locale;
import java.util.Optional;

/** Whether performance got better, stayed the same or got worse, judged by polarity. */
public enum DirectionOfTravel {
    IMPROVING, NO_CHANGE, WORSENING;

    /** Classifies a difference already oriented so that positive means better. */
    public static DirectionOfTravel ofOrientedChange(double orientedChange) {
        if (orientedChange > 0) {
            return IMPROVING;
        }
        return orientedChange < 0 ? WORSENING : NO_CHANGE;
    }

    /**
     * Reads the officer's own direction as written in a return; blank gives empty.
     *
     * @throws IllegalArgumentException naming the text and the accepted values
     */
    public static Optional<DirectionOfTravel> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String s = text.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
        return Optional.of(switch (s) {
            case "IMPROVING", "UP", "BETTER" -> IMPROVING;
            case "NO_CHANGE", "SAME", "STABLE", "UNCHANGED" -> NO_CHANGE;
            case "WORSENING", "DOWN", "WORSE" -> WORSENING;
            default -> throw new IllegalArgumentException("Unrecognised direction of travel '" + text.strip()
                    + "'; expected IMPROVING, NO_CHANGE, WORSENING or blank");
        });
    }
}
