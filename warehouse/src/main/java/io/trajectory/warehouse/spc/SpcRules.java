package io.trajectory.warehouse.spc;

/**
 * Settings for reading an XmR chart.
 *
 * @param minimumFigures fewest figures limits are worked out from; Making Data Count advises 15 to 20,
 *                       which quarterly indicators seldom have, so the default is 10
 * @param shiftLength    figures in a row on one side of the mean that make a {@link SpecialCause#SHIFT} (7)
 * @param trendLength    figures in a row rising (or falling) that make a {@link SpecialCause#TREND} (6)
 */
public record SpcRules(int minimumFigures, int shiftLength, int trendLength) {

    public static final int DEFAULT_MINIMUM_FIGURES = 10;
    public static final int DEFAULT_SHIFT_LENGTH = 7;
    public static final int DEFAULT_TREND_LENGTH = 6;

    public SpcRules {
        if (minimumFigures < 2) {
            throw new IllegalArgumentException("limits need at least 2 figures (one moving range), not " + minimumFigures);
        }
        if (shiftLength < 2) {
            throw new IllegalArgumentException("a shift is at least 2 figures in a row, not " + shiftLength);
        }
        if (trendLength < 3) {
            throw new IllegalArgumentException("a trend is at least 3 figures in a row, not " + trendLength);
        }
    }

    public static SpcRules defaults() {
        return new SpcRules(DEFAULT_MINIMUM_FIGURES, DEFAULT_SHIFT_LENGTH, DEFAULT_TREND_LENGTH);
    }
}
