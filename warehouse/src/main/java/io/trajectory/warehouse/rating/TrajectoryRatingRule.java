package io.trajectory.warehouse.rating;

import io.trajectory.warehouse.indicator.Accumulation;
import io.trajectory.warehouse.indicator.Polarity;
import java.util.Objects;
import java.util.Optional;

/**
 * The default rule, after the agreement's own legend: GREEN when on or ahead of trajectory;
 * AMBER when behind but close to it or the recent trend projects the target to be met by its date
 * ("off trajectory, with prospects of recovery"); RED otherwise ("little prospect").
 *
 * <p>"Close" is within the amber tolerance: a share (10% by default) of the planned value (for a
 * CUMULATIVE_YTD indicator, the year-to-date plan), or for a LEVEL indicator a share (15% by
 * default) of its planned improvement, the distance from baseline to final target, when that is
 * larger. These are how councils' officers rate: a little behind is Amber, well behind is Red.
 * Hart's published statuses, for one, turn Red from about 13% below target. Tolerances of 0 rate
 * on the projection alone.
 *
 * <p>For a LEVEL indicator the projection is {@code actual + slopePerQuarter × quarters until
 * the target period}, compared with the final target. For a CUMULATIVE_YTD indicator it is the
 * year-to-date rate carried to the year end, {@code actual × 4 / quarter}, compared with the
 * planned value at Q4. Without a slope, a final target or a year-end plan there is nothing to
 * show recovery, so the rating is RED; behind at or after the target date is RED too. No actual
 * gives NOT_AVAILABLE (NOT_DUE when the figure was not due) and no planned value NO_TARGET. The
 * recent trend of an ANNUAL indicator is that of its last annual figures.
 */
public final class TrajectoryRatingRule implements RatingRule {

    /** The name to configure this rule by. */
    public static final String NAME = "trajectory";

    /** Amber within 15% of the planned improvement (LEVEL). */
    public static final double DEFAULT_AMBER_TOLERANCE = 0.15;
    /** Amber within 10% of the planned value (any indicator). */
    public static final double DEFAULT_PLAN_AMBER_TOLERANCE = 0.10;

    private static final TrajectoryRatingRule DEFAULT =
            new TrajectoryRatingRule(DEFAULT_AMBER_TOLERANCE, DEFAULT_PLAN_AMBER_TOLERANCE);

    private final double amberTolerance;
    private final double planAmberTolerance;

    private TrajectoryRatingRule(double amberTolerance, double planAmberTolerance) {
        this.amberTolerance = amberTolerance;
        this.planAmberTolerance = planAmberTolerance;
    }

    /** The rule with the default amber tolerances. */
    public static TrajectoryRatingRule create() {
        return DEFAULT;
    }

    /**
     * @param amberTolerance     LEVEL: amber within this share of the planned improvement, 0 to 1
     * @param planAmberTolerance amber within this share of the planned value, 0 to 1
     */
    public static TrajectoryRatingRule of(double amberTolerance, double planAmberTolerance) {
        check("amber tolerance", amberTolerance);
        check("plan amber tolerance", planAmberTolerance);
        return new TrajectoryRatingRule(amberTolerance, planAmberTolerance);
    }

    private static void check(String name, double v) {
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(name + " must be a fraction between 0 and 1 (0.15 for 15%), not " + v);
        }
    }

    public double amberTolerance() {
        return amberTolerance;
    }

    public double planAmberTolerance() {
        return planAmberTolerance;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Green when on or ahead of trajectory; amber when behind by no more than "
                + Reasons.percent(planAmberTolerance) + " of the planned value (or " + Reasons.percent(amberTolerance)
                + " of the planned improvement, when larger), or when the recent trend projects the target to be met "
                + "by its date; red otherwise.";
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
        Polarity pol = in.polarity();
        if (Reasons.atLeastZero(pol.orient(actual - planned), actual, planned)) {
            return new ComputedRating(Rating.GREEN, "On or ahead of trajectory: " + Reasons.againstPlanned(in) + ".");
        }
        String behind = "Behind trajectory (" + Reasons.againstPlanned(in) + ")";
        Optional<ComputedRating> close = withinTolerance(in, behind);
        if (close.isPresent()) {
            return close.get();
        }
        return switch (in.accumulation()) {
            case LEVEL -> projectLevel(in, behind);
            case CUMULATIVE_YTD -> projectYearEnd(in, behind);
        };
    }

    /** Amber when the shortfall is within the tolerance of the plan, or of the planned improvement when larger. */
    private Optional<ComputedRating> withinTolerance(RatingInputs in, String behind) {
        double shortfall = Math.abs(in.actual() - in.planned());
        double allowance = planAmberTolerance * Math.abs(in.planned());
        String of = Reasons.percent(planAmberTolerance) + (in.accumulation() == Accumulation.CUMULATIVE_YTD
                ? " of the year-to-date plan" : " of the planned value");
        if (in.accumulation() == Accumulation.LEVEL && in.baseline() != null && in.finalTarget() != null
                && amberTolerance * Math.abs(in.finalTarget() - in.baseline()) > allowance) {
            allowance = amberTolerance * Math.abs(in.finalTarget() - in.baseline());
            of = Reasons.percent(amberTolerance) + " of the planned improvement from "
                    + Reasons.number(in.baseline()) + " to " + Reasons.number(in.finalTarget());
        }
        if (allowance <= 0 || !Reasons.atLeastZero(allowance - shortfall, allowance, shortfall)) {
            return Optional.empty();
        }
        return Optional.of(amber(behind + ", but within " + Reasons.number(allowance) + " (" + of + ")."));
    }

    private static ComputedRating projectLevel(RatingInputs in, String behind) {
        if (in.finalTarget() == null || in.targetPeriod() == null) {
            return red(behind + ", with no final target to project towards.");
        }
        int quartersLeft = in.period().quartersUntil(in.targetPeriod());
        if (quartersLeft <= 0) {
            return red(behind + " at or after the target date, " + in.targetPeriod() + ".");
        }
        if (in.slopePerQuarter() == null) {
            return red(behind + ", with no recent trend to show the target of " + Reasons.number(in.finalTarget())
                    + " will be met.");
        }
        double projected = in.actual() + in.slopePerQuarter() * quartersLeft;
        String projection = "the recent trend (" + Reasons.signed(in.slopePerQuarter()) + " a quarter) projects "
                + Reasons.number(projected) + " by " + in.targetPeriod();
        return meets(in, projected, in.finalTarget())
                ? amber(behind + ", but " + projection + ", meeting the target of " + Reasons.number(in.finalTarget()) + ".")
                : red(behind + ", and " + projection + ", short of the target of " + Reasons.number(in.finalTarget()) + ".");
    }

    private static ComputedRating projectYearEnd(RatingInputs in, String behind) {
        if (in.annualPlannedAtYearEnd() == null) {
            return red(behind + ", with no planned year-end value to project towards.");
        }
        double projected = in.actual() * 4 / in.period().quarter();
        String projection = "the year-to-date rate projects " + Reasons.number(projected) + " by the year end";
        double plannedYearEnd = in.annualPlannedAtYearEnd();
        return meets(in, projected, plannedYearEnd)
                ? amber(behind + ", but " + projection + ", meeting the planned " + Reasons.number(plannedYearEnd) + ".")
                : red(behind + ", and " + projection + ", short of the planned " + Reasons.number(plannedYearEnd) + ".");
    }

    private static boolean meets(RatingInputs in, double projected, double target) {
        return Reasons.atLeastZero(in.polarity().orient(projected - target), projected, target);
    }

    private static ComputedRating amber(String reason) {
        return new ComputedRating(Rating.AMBER, reason);
    }

    private static ComputedRating red(String reason) {
        return new ComputedRating(Rating.RED, reason);
    }

    @Override
    public String toString() {
        return NAME + "(amber within " + Reasons.percent(planAmberTolerance) + " of plan or "
                + Reasons.percent(amberTolerance) + " of the improvement)";
    }
}
