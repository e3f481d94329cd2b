package io.trajectory.api.web;

import io.trajectory.warehouse.period.FiscalQuarter;
import io.trajectory.warehouse.period.PeriodFormatException;
import io.trajectory.warehouse.query.AreaRow;
import io.trajectory.warehouse.query.Basis;
import io.trajectory.warehouse.query.Subject;
import io.trajectory.warehouse.rating.Rating;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads request parameters into domain values, or fails with a 400 problem that names the
 * parameter and what it accepts. Values are only ever bound into SQL, never spliced.
 */
public final class Params {

    public static final String RATING_FORMS = "GREEN, AMBER, RED, ACHIEVED, NOT_AVAILABLE, ENDED or NO_TARGET";

    private Params() {
    }

    /** A required quarter in any accepted spelling. */
    public static FiscalQuarter period(String name, String text) {
        return optionalPeriod(name, text).orElseThrow(() -> ProblemException.badParameter(name,
                "The parameter '" + name + "' is required: a quarter such as 2007/08 Q1.", FiscalQuarter.ACCEPTED_FORMS));
    }

    public static Optional<FiscalQuarter> optionalPeriod(String name, String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(FiscalQuarter.parse(text));
        } catch (PeriodFormatException e) {
            throw ProblemException.badParameter(name, "Parameter '" + name + "': " + e.getMessage(), FiscalQuarter.ACCEPTED_FORMS);
        }
    }

    public static Basis basis(String text) {
        try {
            return Basis.parse(text);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badParameter("basis", "Parameter 'basis': " + e.getMessage(), Basis.ACCEPTED_FORMS);
        }
    }

    public static Subject subject(String text) {
        try {
            return Subject.parse(text);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badParameter("subject", "Parameter 'subject': " + e.getMessage(), Subject.ACCEPTED_FORMS);
        }
    }

    /** An optional rating in any spelling {@link Rating#parse} accepts. */
    public static Rating rating(String text) {
        try {
            return Rating.parse(text).orElse(null);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badParameter("rating", "Parameter 'rating': " + e.getMessage(), RATING_FORMS);
        }
    }

    /** An optional count (0 or more), {@code fallback} when absent. */
    public static long count(String name, String text, long fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            long n = Long.parseLong(text.strip());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw badParameter(name, "Parameter '" + name + "' must be a whole number, 0 or more, not '" + text.strip() + "'.",
                "a whole number, 0 or more");
    }

    private static ProblemException badParameter(String name, String detail, String forms) {
        return ProblemException.badParameter(name, detail, forms);
    }

    /** A required text parameter. */
    public static String required(String name, String text, String what) {
        if (text == null || text.isBlank()) {
            throw ProblemException.badParameter(name, "The parameter '" + name + "' is required: " + what + ".", what);
        }
        return text.strip();
    }

    /** {@code from} must not be after {@code to}. */
    public static void ordered(FiscalQuarter from, FiscalQuarter to) {
        if (from.isAfter(to)) {
            throw ProblemException.badParameter("from", "The quarter 'from' (" + from + ") is after 'to' (" + to + ").",
                    "a quarter no later than 'to'");
        }
    }

    /**
     * The area a request names: blank = the whole authority, {@code all} = every area together
     * (only where {@code allowAll}), otherwise an area code or name (case-insensitive).
     */
    public static AreaChoice area(String text, List<AreaRow> areas, boolean allowAll) {
        String forms = "blank for the whole authority, " + (allowAll ? "'all' for every area together, " : "")
                + "or one of: " + areas.stream().filter(a -> !a.wholeAuthority()).map(AreaRow::code)
                .collect(Collectors.joining(", "));
        if (text == null || text.isBlank()) {
            return areas.stream().filter(AreaRow::wholeAuthority).findFirst()
                    .map(a -> new AreaChoice(a.key(), ""))
                    .orElseThrow(() -> ProblemException.notFound("area", "This snapshot has no whole-authority area."));
        }
        String t = text.strip();
        if (t.equalsIgnoreCase("all")) {
            if (!allowAll) {
                throw ProblemException.badParameter("area", "Parameter 'area': 'all' is not possible here; name one area.", forms);
            }
            return new AreaChoice(null, "all");
        }
        return areas.stream()
                .filter(a -> a.code().equalsIgnoreCase(t) || a.name().equalsIgnoreCase(t))
                .findFirst()
                .map(a -> new AreaChoice(a.key(), a.code()))
                .orElseThrow(() -> ProblemException.badParameter("area", "Unknown area '" + t + "'.", forms));
    }

    /** An area chosen by a request: {@code key} null = every area together. */
    public record AreaChoice(Integer key, String label) {
    }
}
