package io.trajectory.warehouse.rating;

import java.util.Locale;
import java.util.Optional;

/**
 * The Red/Amber/Green risk rating of an indicator or commitment for a quarter.
 *
 * <p>GREEN, AMBER, RED and ACHIEVED are ratings "with data". NOT_AVAILABLE means no data this
 * quarter although a figure was due. NOT_DUE is an annual indicator in a quarter its figure is not
 * due in (see {@link io.trajectory.warehouse.indicator.ReportingSchedule}): a data gap that is down
 * to annual reporting, not a missing figure. NOT_DUE, ENDED and NO_TARGET (baseline or target not
 * yet set) are left out of the counted indicators, so out of every share, but still counted and
 * shown on their own; see {@link RatingCounts} for the share rule.
 *
 * <p>Each rating carries its display colour and a symbol, so a rating is never shown by colour
 * alone and every chart and page uses the same colours.
 */
public enum Rating {
    GREEN("Green", "On trajectory", "#1a7f37", "\u25CF", 1),
    AMBER("Amber", "Off trajectory, with prospects of recovery through remedial action", "#b35900", "\u25B2", 2),
    RED("Red", "Off trajectory, little prospect of recovery", "#c62828", "\u25A0", 3),
    ACHIEVED("Achieved", "Completed on time or ahead of schedule", "#1f5fa8", "\u2605", 0),
    NOT_AVAILABLE("Not available", "No data for this quarter", "#6b6b6b", "\u25CB", 4),
    NOT_DUE("Not due", "Annual indicator: no figure is due this quarter", "#4f5b66", "\u25CC", 5),
    ENDED("Ended", "No longer measured", "#8c8c8c", "\u2013", 6),
    NO_TARGET("No target", "Baseline or target not yet set", "#8c8c8c", "\u2026", 7);

    private final String label;
    private final String meaning;
    private final String colour;
    private final String symbol;
    private final int sortOrder;

    Rating(String label, String meaning, String colour, String symbol, int sortOrder) {
        this.label = label;
        this.meaning = meaning;
        this.colour = colour;
        this.symbol = symbol;
        this.sortOrder = sortOrder;
    }

    /** True for the ratings that count towards shares: all but NOT_DUE, ENDED and NO_TARGET. */
    public boolean isCounted() {
        return this != NOT_DUE && this != ENDED && this != NO_TARGET;
    }

    /** True for GREEN, AMBER, RED and ACHIEVED: the indicator reported data this quarter. */
    public boolean hasData() {
        return this == GREEN || this == AMBER || this == RED || this == ACHIEVED;
    }

    public String label() {
        return label;
    }

    public String meaning() {
        return meaning;
    }

    /** Display colour (hex), chosen for at least 4.5:1 contrast with white text or on white. */
    public String colour() {
        return colour;
    }

    /** A symbol shown beside the colour so the rating never depends on colour alone. */
    public String symbol() {
        return symbol;
    }

    public int sortOrder() {
        return sortOrder;
    }

    /**
     * Reads a rating as people write it: {@code GREEN}, {@code Green}, {@code G},
     * {@code Not available}, {@code n/a}, {@code No target}, ... Blank text gives empty.
     *
     * @throws IllegalArgumentException naming the text and the accepted values
     */
    public static Optional<Rating> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String s = text.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s/_-]+", "_");
        return Optional.of(switch (s) {
            case "GREEN", "G" -> GREEN;
            case "AMBER", "A" -> AMBER;
            case "RED", "R" -> RED;
            case "ACHIEVED", "COMPLETE", "COMPLETED" -> ACHIEVED;
            case "NOT_AVAILABLE", "N_A", "NA", "NOT_AVAILABLE_FOR_REPORTING", "NO_DATA" -> NOT_AVAILABLE;
            case "ENDED" -> ENDED;
            case "NO_TARGET" -> NO_TARGET;
            // The register decides when a figure is due; a return cannot declare itself not due.
            case "NOT_DUE" -> throw new IllegalArgumentException("'" + text.strip() + "' is not a rating a return gives:"
                    + " an indicator is not due when the register gives it frequency ANNUAL and the quarter is not its"
                    + " due_quarter; leave the rating blank");
            default -> throw new IllegalArgumentException("Unrecognised rating '" + text.strip()
                    + "'; expected GREEN, AMBER, RED, ACHIEVED, NOT_AVAILABLE, ENDED, NO_TARGET or blank");
        });
    }
}
