package io.trajectory.warehouse.query;

import io.trajectory.warehouse.rating.Rating;
import io.trajectory.warehouse.spc.ControlChart;
import io.trajectory.warehouse.spc.ProcessLimits;
import io.trajectory.warehouse.spc.SpecialCause;
import io.trajectory.warehouse.spc.Variation;
import io.trajectory.warehouse.trajectory.DirectionOfTravel;

import java.util.List;

/**
 * One quarter of an indicator's trend in an area ({@code ""} = the whole authority). A quarter
 * with no figure (or before the indicator was in force) has nulls. Directions are against the
 * named quarter (previous, same quarter last year); when one is missing the direction is null and
 * its reason says which quarter has no actual. An area with no plan of its own has no planned
 * value or target, and {@code noPlanReason} says so. {@code groupMedian} is the median figure of
 * the comparison group asked for (null when none was).
 *
 * <p>Statistical process control over the figures of the range asked for (an XmR chart, as
 * Making Data Count reads it): the process mean and limits (the same on every row; null, with
 * {@code processLimitsReason}, when there are too few figures), the special causes this quarter's
 * figure shows, and its {@code variation}: IMPROVING or CONCERNING special cause by polarity, or
 * COMMON.
 */
public record TrendPoint(String indicator, String area, String period, Double actual, Double planned,
        Double stretchPlanned, Double target, Rating rating, boolean provisional,
        DirectionOfTravel directionVsPreviousQuarter, DirectionOfTravel directionVsSameQuarterLastYear, String comment,
        String directionVsPreviousQuarterReason, String directionVsSameQuarterLastYearReason, String noPlanReason,
        Double groupMedian, Double processMean, Double lowerProcessLimit, Double upperProcessLimit,
        List<SpecialCause> specialCause, Variation variation, String processLimitsReason) {

    /** This point with a comparison group's median for its quarter. */
    public TrendPoint withGroupMedian(Double median) {
        return new TrendPoint(indicator, area, period, actual, planned, stretchPlanned, target, rating, provisional,
                directionVsPreviousQuarter, directionVsSameQuarterLastYear, comment, directionVsPreviousQuarterReason,
                directionVsSameQuarterLastYearReason, noPlanReason, median, processMean, lowerProcessLimit,
                upperProcessLimit, specialCause, variation, processLimitsReason);
    }

    /** This point read on an XmR chart of the range. */
    public TrendPoint withProcessControl(ProcessLimits limits, String limitsReason, ControlChart.Point point) {
        return new TrendPoint(indicator, area, period, actual, planned, stretchPlanned, target, rating, provisional,
                directionVsPreviousQuarter, directionVsSameQuarterLastYear, comment, directionVsPreviousQuarterReason,
                directionVsSameQuarterLastYearReason, noPlanReason, groupMedian,
                limits == null ? null : limits.mean(), limits == null ? null : limits.lower(),
                limits == null ? null : limits.upper(), point.specialCause(), point.variation(), limitsReason);
    }
}
