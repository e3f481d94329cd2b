package io.trajectory.warehouse.rating;

/**
 * The rating an indicator is counted under for a quarter (what {@code mart_indicator_quarter.rating}
 * holds, and so every count and share): the officer's rating, unless the register says otherwise.
 * ENDED as the officer says; NO_TARGET when the officer says so or the plan in force has no target
 * yet; with no rating given (blank, NOT_AVAILABLE or no row), NOT_AVAILABLE when a figure was due
 * and NOT_DUE when it was not (an annual indicator outside its due quarter); otherwise the
 * officer's rating. Stateless.
 */
public final class QuarterRating {

    private QuarterRating() {
    }

    /**
     * @param officer           the officer's rating; null when the return gave none (blank or no row)
     * @param planWithoutTarget the plan in force has no target yet
     * @param due               a figure was due this quarter
     */
    public static Rating of(Rating officer, boolean planWithoutTarget, boolean due) {
        if (officer == Rating.ENDED) {
            return Rating.ENDED;
        }
        if (officer == Rating.NO_TARGET || planWithoutTarget) {
            return Rating.NO_TARGET;
        }
        if (officer == null || officer == Rating.NOT_AVAILABLE) {
            return due ? Rating.NOT_AVAILABLE : Rating.NOT_DUE;
        }
        return officer;
    }
}
