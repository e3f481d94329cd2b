package io.trajectory.warehouse.rating;

import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Optional;

/** Shared wording and number formatting for the rules' reasons; UK style whatever the default locale. */
final class Reasons {

    /** Differences within this share of the values compared are floating-point noise, not a difference. */
    private static final double RELATIVE_NOISE = 1e-9;

    private Reasons() {
    }

    /**
     * The rating every rule gives without an actual (NOT_DUE when the figure was not due, else
     * NOT_AVAILABLE) or without a planned value (NO_TARGET), if either is missing.
     */
    static Optional<ComputedRating> withoutNumbers(RatingInputs in) {
        if (in.actual() == null && !in.schedule().isDue(in.period())) {
            return Optional.of(new ComputedRating(Rating.NOT_DUE, "No figure is due for " + in.period() + " ("
                    + in.schedule().describe() + ")."));
        }
        if (in.actual() == null) {
            return Optional.of(new ComputedRating(Rating.NOT_AVAILABLE, "No actual reported for " + in.period() + "."));
        }
        if (in.planned() == null) {
            return Optional.of(new ComputedRating(Rating.NO_TARGET,
                    "No planned value for " + in.period() + ": baseline or target not yet set."));
        }
        return Optional.empty();
    }

    /** True when {@code orientedDifference} is zero or more, allowing for floating-point noise. */
    static boolean atLeastZero(double orientedDifference, double a, double b) {
        return orientedDifference >= -RELATIVE_NOISE * Math.max(1.0, Math.max(Math.abs(a), Math.abs(b)));
    }

    /** True when {@code orientedDifference} is more than zero, beyond floating-point noise. */
    static boolean aboveZero(double orientedDifference, double a, double b) {
        return orientedDifference > RELATIVE_NOISE * Math.max(1.0, Math.max(Math.abs(a), Math.abs(b)));
    }

    /** "16,379" or "38.25": grouped, at most two decimals. */
    static String number(double value) {
        DecimalFormat f = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.UK));
        f.setRoundingMode(RoundingMode.HALF_UP);
        String s = f.format(value);
        return s.equals("-0") ? "0" : s;
    }

    /** "+368.33" or "-1.5". */
    static String signed(double value) {
        String s = number(value);
        return value > 0 && !s.equals("0") ? "+" + s : s;
    }

    /** "0.1" as "10%". */
    static String percent(double fraction) {
        return number(fraction * 100) + "%";
    }

    /** "16,379 against 16,750 planned". */
    static String againstPlanned(RatingInputs in) {
        return number(in.actual()) + " against " + number(in.planned()) + " planned";
    }
}
