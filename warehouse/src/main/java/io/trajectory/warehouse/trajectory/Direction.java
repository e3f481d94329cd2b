package io.trajectory.warehouse.trajectory;

import io.trajectory.warehouse.period.FiscalQuarter;
import java.util.Objects;
import java.util.Optional;

/**
 * A direction of travel judged against a named quarter, or the reason it could not be judged.
 *
 * @param direction    IMPROVING, NO_CHANGE or WORSENING; null when it could not be judged
 * @param reason       why it could not be judged (e.g. "no actual for 2007/08 Q4"); null when judged
 * @param comparedWith the quarter compared with (previous quarter or same quarter last year)
 */
public record Direction(DirectionOfTravel direction, String reason, FiscalQuarter comparedWith) {

    public Direction {
        Objects.requireNonNull(comparedWith, "comparedWith");
        if ((direction == null) == (reason == null)) {
            throw new IllegalArgumentException("a direction has either a direction of travel or a reason, not "
                    + (direction == null ? "neither" : "both"));
        }
    }

    public static Direction judged(DirectionOfTravel direction, FiscalQuarter comparedWith) {
        return new Direction(Objects.requireNonNull(direction, "direction"), null, comparedWith);
    }

    public static Direction notJudged(String reason, FiscalQuarter comparedWith) {
        return new Direction(null, Objects.requireNonNull(reason, "reason"), comparedWith);
    }

    public boolean isJudged() {
        return direction != null;
    }

    /** The direction, or empty when it could not be judged. */
    public Optional<DirectionOfTravel> asOptional() {
        return Optional.ofNullable(direction);
    }
}
