package io.trajectory.warehouse.rating;

import io.trajectory.warehouse.indicator.Polarity;
import java.util.Objects;
import java.util.Optional;

/**
 * The default rule, after the agreement's own legend: GREEN when on or ahead of trajectory;
 * AMBER when behind but the recent trend projects the target to be met by its date ("off
 * trajectory, with prospects of recovery"); RED otherwise ("little prospect").
 *
 * <p>For a LEVEL indicator the projection is {@code actual + slopePerQuarter × quarters until
 * the target period}, compared with the final target. For a CUMULATIVE_YTD indicator it is the
 * year-to-date rate carried to the year end, {@code actual × 4 / quarter}, compared with the
 * planned value at Q4. Without a slope, a final target or a year-end plan there is nothing to
 * show recovery, so the rating is RED; behind at or after the target date is RED too. No actual
 * gives NOT_AVAILABLE and no planned value NO_TARGET.
 */
public final class TrajectoryRatingRule implements RatingRule {

    /** The name to configure this rule by. */
    public static final String NAME = "trajectory";

    private static final TrajectoryRatingRule INSTANCE = new TrajectoryRatingRule();

    private TrajectoryRatingRule() {
    }

    public static TrajectoryRatingRule create() {
        return INSTANCE;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Green when on or ahead of trajectory; amber when behind but the recent trend projects the target "
                + "to be met by its date; red otherwise.";
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
        return switch (in.accumulation()) {
            case LEVEL -> projectLevel(in, behind);
            case CUMULATIVE_YTD -> projectYearEnd(in, behind);
        };
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
        return NAME;
    }
}
