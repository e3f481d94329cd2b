package io.trajectory.warehouse.spc;

/**
 * The limits of an XmR (individuals and moving range) chart: the mean of the figures, and the
 * mean plus and minus 2.66 times the average moving range between consecutive quarters that both
 * have figures. 2.66 = 3 / 1.128, so the limits are three sigma from the mean.
 *
 * @param figures the number of figures the mean is of
 * @param movingRanges the number of moving ranges averaged
 */
public record ProcessLimits(double mean, double lower, double upper, double averageMovingRange, int figures,
                            int movingRanges) {

    /** The XmR constant: three sigma = 2.66 average moving ranges. */
    public static final double E2 = 2.66;

    /** Two sigma from the mean: two thirds of the way to a limit. */
    public double twoSigma() {
        return E2 * averageMovingRange * 2.0 / 3.0;
    }
}
