package io.trajectory.warehouse.rating;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * What a report's percentages are shares of. Reports differ: the 2007/08 Q1 risk summary takes
 * Green, Amber and Red of the indicators with data and Not available of all of them; other
 * reports take every rating of all the indicators counted, or of every indicator in force
 * (counting those whose baselines and targets are not yet set). Ended indicators are never in a
 * denominator. Shares are fractions (0 to 1).
 */
public enum ShareRule {

    /** Green, Amber, Red and Achieved of those with data; Not available of all counted (as {@link RatingCounts}). */
    WITH_DATA("with-data", "Green, Amber, Red and Achieved are shares of the indicators with data; no data is a "
            + "share of all the indicators in operation"),
    /** Every rating of all counted: with data and not available. */
    ALL_COUNTED("all-counted", "every share is of all the indicators in operation (with data or not)"),
    /** Every rating of all in force but ended: the counted and those with no target yet. */
    ALL_IN_FORCE("all-in-force", "every share is of all the indicators in force, those whose baselines and targets "
            + "are yet to be set included");

    private final String code;
    private final String description;

    ShareRule(String code, String description) {
        this.code = code;
        this.description = description;
    }

    /** As written in configuration: {@code with-data}, {@code all-counted}, {@code all-in-force}. */
    public String code() {
        return code;
    }

    /** The rule in words, for a report's footnote. */
    public String description() {
        return description;
    }

    /**
     * The share of {@code rating} under this rule; empty when the denominator is zero, and for
     * ratings left out (Ended always; No target unless every indicator in force is counted).
     */
    public OptionalDouble share(RatingCounts counts, Rating rating) {
        Objects.requireNonNull(rating, "rating");
        if (this == WITH_DATA) {
            return counts.share(rating);
        }
        if (rating == Rating.ENDED || (rating == Rating.NO_TARGET && this != ALL_IN_FORCE)) {
            return OptionalDouble.empty();
        }
        return fraction(counts.count(rating), ofAll(counts));
    }

    /** A number of the indicators (say, those recorded as worsening) as a share of "all the indicators". */
    public OptionalDouble shareOfAll(RatingCounts counts, long n) {
        return fraction(n, ofAll(counts));
    }

    /** "All the indicators" under this rule: the counted, or (all in force) the counted and those with no target. */
    public long ofAll(RatingCounts counts) {
        return this == ALL_IN_FORCE ? counts.counted() + counts.count(Rating.NO_TARGET) : counts.counted();
    }

    /**
     * Reads a rule as configuration writes it ({@code with-data}, {@code WITH_DATA}, ...).
     *
     * @throws IllegalArgumentException naming the text and the rules there are
     */
    public static ShareRule parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(values()).filter(r -> r.code.equals(t)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown share rule '" + text + "'; expected "
                        + Arrays.stream(values()).map(ShareRule::code).collect(Collectors.joining(", "))));
    }

    private static OptionalDouble fraction(long n, long of) {
        return of == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) n / of);
    }
}
