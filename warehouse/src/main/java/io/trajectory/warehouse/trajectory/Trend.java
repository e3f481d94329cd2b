package io.trajectory.warehouse.trajectory;

import io.trajectory.warehouse.indicator.ReportingSchedule;
import io.trajectory.warehouse.period.FiscalQuarter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * The recent trend of an indicator: the least-squares slope of its actuals against quarter
 * ordinals, in units per quarter. The computed rating projects it forward to ask whether a
 * LEVEL indicator that is behind its trajectory will still meet its target.
 */
public final class Trend {

    private Trend() {
    }

    /**
     * The least-squares slope of value against ordinal.
     *
     * @param ordinalAndValue pairs {@code {ordinal, value}}, e.g. {@code {q.ordinal(), actual}}
     * @return empty with fewer than two points or when all ordinals are equal
     * @throws IllegalArgumentException for a pair that is not two finite numbers
     */
    public static OptionalDouble slope(List<double[]> ordinalAndValue) {
        Objects.requireNonNull(ordinalAndValue, "ordinalAndValue");
        int n = ordinalAndValue.size();
        if (n < 2) {
            return OptionalDouble.empty();
        }
        double meanX = 0;
        double meanY = 0;
        for (double[] p : ordinalAndValue) {
            if (p == null || p.length != 2 || !Double.isFinite(p[0]) || !Double.isFinite(p[1])) {
                throw new IllegalArgumentException("each point must be {ordinal, value}, two finite numbers, not "
                        + (p == null ? "null" : Arrays.toString(p)));
            }
            meanX += p[0];
            meanY += p[1];
        }
        meanX /= n;
        meanY /= n;
        // Centred sums: ordinals are around 8,000, so the uncentred formula loses precision.
        double sxy = 0;
        double sxx = 0;
        for (double[] p : ordinalAndValue) {
            double dx = p[0] - meanX;
            sxy += dx * (p[1] - meanY);
            sxx += dx * dx;
        }
        return sxx == 0 ? OptionalDouble.empty() : OptionalDouble.of(sxy / sxx);
    }

    /**
     * The slope of the actuals in the {@code quarters} quarters ending with {@code upTo}
     * (inclusive), skipping quarters with no actual. Meant for LEVEL indicators: year-to-date
     * figures reset in April, so their slope across a year end means nothing.
     *
     * @return empty with fewer than two actuals in the window
     */
    public static OptionalDouble slopePerQuarter(FiscalQuarter upTo, int quarters,
            Function<FiscalQuarter, OptionalDouble> actualFor) {
        Objects.requireNonNull(upTo, "upTo");
        Objects.requireNonNull(actualFor, "actualFor");
        if (quarters < 2) {
            throw new IllegalArgumentException("a trend needs a window of at least 2 quarters, not " + quarters);
        }
        List<double[]> points = new ArrayList<>();
        for (int back = quarters - 1; back >= 0; back--) {
            FiscalQuarter q = upTo.minusQuarters(back);
            OptionalDouble actual = actualFor.apply(q);
            if (actual != null && actual.isPresent()) {
                points.add(new double[] {q.ordinal(), actual.getAsDouble()});
            }
        }
        return slope(points);
    }

    /**
     * The slope per quarter of an indicator's recent figures, as its schedule makes them: the
     * {@code figures} quarters ending with {@code upTo} when due every quarter; for an ANNUAL
     * indicator the same quarter of the last {@code figures} years (one figure a year, so the
     * quarter-to-quarter window would hold only one). Either way skipping quarters with no actual.
     *
     * @return empty with fewer than two actuals in the window
     */
    public static OptionalDouble slopePerQuarter(FiscalQuarter upTo, int figures, ReportingSchedule schedule,
            Function<FiscalQuarter, OptionalDouble> actualFor) {
        Objects.requireNonNull(schedule, "schedule");
        if (!schedule.isAnnual()) {
            return slopePerQuarter(upTo, figures, actualFor);
        }
        Objects.requireNonNull(upTo, "upTo");
        Objects.requireNonNull(actualFor, "actualFor");
        if (figures < 2) {
            throw new IllegalArgumentException("a trend needs a window of at least 2 figures, not " + figures);
        }
        List<double[]> points = new ArrayList<>();
        for (int back = figures - 1; back >= 0; back--) {
            FiscalQuarter q = upTo.minusQuarters(4L * back);
            OptionalDouble actual = actualFor.apply(q);
            if (actual != null && actual.isPresent()) {
                points.add(new double[] {q.ordinal(), actual.getAsDouble()});
            }
        }
        return slope(points);
    }
}
