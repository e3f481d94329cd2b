package io.trajectory.warehouse.rating;

import io.trajectory.warehouse.indicator.Accumulation;
import io.trajectory.warehouse.period.FiscalQuarter;
import java.util.Objects;
import java.util.Optional;

/**
 * A rule some councils use: GREEN when on or ahead of the planned value or within a tolerance
 * of it (by default 10% of the planned value); otherwise AMBER if better than a comparison
 * period (by default the same quarter last year), else RED, including when the comparison
 * period has no actual. No actual gives NOT_AVAILABLE (NOT_DUE when the figure was not due) and no
 * planned value NO_TARGET.
 *
 * <p>For a CUMULATIVE_YTD indicator, the same quarter last year compares year to date with year
 * to date; the previous quarter compares the average per quarter so far ({@code ytd / quarter}),
 * since year-to-date totals grow through the year and reset in April.
 *
 * <p>An ANNUAL indicator has one figure a year, so it always falls back to the same quarter last
 * year, whatever the configured fallback.
 */
public final class ToleranceBandRatingRule implements RatingRule {

    /** The name to configure this rule by. */
    public static final String NAME = "tolerance-band";

    public static final double DEFAULT_TOLERANCE = 0.10;

    public static final FallbackComparison DEFAULT_FALLBACK = FallbackComparison.SAME_QUARTER_LAST_YEAR;

    private final double tolerance;
    private final FallbackComparison fallback;

    private ToleranceBandRatingRule(double tolerance, FallbackComparison fallback) {
        this.tolerance = tolerance;
        this.fallback = fallback;
    }

    /**
     * @param tolerance the band as a fraction of |planned|, 0 to 1 (0.10 for 10%)
     * @throws IllegalArgumentException when the tolerance is outside 0 to 1
     */
    public static ToleranceBandRatingRule of(double tolerance, FallbackComparison fallback) {
        Objects.requireNonNull(fallback, "fallback");
        if (!(tolerance >= 0 && tolerance <= 1)) {
            throw new IllegalArgumentException("tolerance must be a fraction between 0 and 1 (0.1 for 10%), not " + tolerance);
        }
        return new ToleranceBandRatingRule(tolerance, fallback);
    }

    /** 10% of the planned value, falling back to the same quarter last year. */
    public static ToleranceBandRatingRule defaults() {
        return of(DEFAULT_TOLERANCE, DEFAULT_FALLBACK);
    }

    public double tolerance() {
        return tolerance;
    }

    public FallbackComparison fallback() {
        return fallback;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Green when on or within " + Reasons.percent(tolerance) + " of the planned value; otherwise amber if better than "
                + fallback.label() + ", else red.";
    }

    @Override
    public ComputedRating rate(RatingInputs in) {
        Objects.requireNonNull(in, "inputs");
        Optional<ComputedRating> missing = Reasons.withoutNumbers(in);
        if (missing.isPresent()) {
            return missing.get();
        }
        double actual = in.actual();
        double planned = in.planned();
        double gap = in.polarity().orient(actual - planned);
        if (Reasons.atLeastZero(gap, actual, planned)) {
            return green("On or ahead of the planned value: " + Reasons.againstPlanned(in) + ".");
        }
        if (Reasons.atLeastZero(gap + tolerance * Math.abs(planned), actual, planned)) {
            return green("Within " + Reasons.percent(tolerance) + " of the planned value: " + Reasons.againstPlanned(in) + ".");
        }
        String outside = "More than " + Reasons.percent(tolerance) + " behind the planned value (" + Reasons.againstPlanned(in) + ")";
        FallbackComparison fallback = in.schedule().isAnnual() ? FallbackComparison.SAME_QUARTER_LAST_YEAR : this.fallback;
        FiscalQuarter then = fallback.periodFor(in.period());
        Double before = fallback.actualFrom(in);
        if (before == null) {
            return red(outside + ", and no actual for " + fallback.label() + " (" + then + ") to compare with.");
        }
        if (in.accumulation() == Accumulation.CUMULATIVE_YTD && fallback == FallbackComparison.PREVIOUS_QUARTER) {
            double now = actual / in.period().quarter();
            double earlier = before / then.quarter();
            String comparison = " a quarter on average so far, against " + Reasons.number(earlier) + " by " + then;
            return Reasons.aboveZero(in.polarity().orient(now - earlier), now, earlier)
                    ? amber(outside + ", but better than the previous quarter: " + Reasons.number(now) + comparison + ".")
                    : red(outside + ", and no better than the previous quarter: " + Reasons.number(now) + comparison + ".");
        }
        String comparison = " (" + then + ": " + Reasons.number(before) + ")";
        return Reasons.aboveZero(in.polarity().orient(actual - before), actual, before)
                ? amber(outside + ", but better than " + fallback.label() + comparison + ".")
                : red(outside + ", and no better than " + fallback.label() + comparison + ".");
    }

    private static ComputedRating green(String reason) {
        return new ComputedRating(Rating.GREEN, reason);
    }

    private static ComputedRating amber(String reason) {
        return new ComputedRating(Rating.AMBER, reason);
    }

    private static ComputedRating red(String reason) {
        return new ComputedRating(Rating.RED, reason);
    }

    @Override
    public String toString() {
        return NAME + "(tolerance=" + tolerance + ", fallback=" + fallback.configName() + ")";
    }
}
