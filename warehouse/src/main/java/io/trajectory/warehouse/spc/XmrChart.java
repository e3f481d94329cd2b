package io.trajectory.warehouse.spc;

import io.trajectory.warehouse.indicator.Accumulation;
import io.trajectory.warehouse.indicator.Polarity;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Reads a series of quarterly figures as an XmR chart, as NHS England's "Making Data Count" does:
 * is a movement real (special cause) or noise (common cause), and will the process meet its
 * target? Runs (shift, trend, two of three) are read over the figures in order, passing over
 * quarters with no figure; moving ranges only join consecutive quarters that both have one.
 * Year-to-date figures are not read: they restart every April, so the series is a saw, not one
 * process, and its limits would say nothing. Stateless and thread-safe.
 */
public final class XmrChart {

    private XmrChart() {
    }

    /**
     * @param figures      one per quarter, in order; null where the quarter has no figure
     * @param accumulation how the figures accumulate: CUMULATIVE_YTD figures get no limits, with the reason
     * @param target       the target the assurance is judged against, or null
     */
    public static ControlChart of(List<Double> figures, Polarity polarity, Accumulation accumulation, Double target,
                                  SpcRules rules) {
        if (accumulation == Accumulation.CUMULATIVE_YTD) {
            List<ControlChart.Point> blank = new ArrayList<>(figures.size());
            figures.forEach(x -> blank.add(new ControlChart.Point(List.of(), null)));
            return new ControlChart(null, "no process limits for a year-to-date indicator: its figures restart every "
                    + "April, so they are not one process", blank, null, null, "no process limits");
        }
        return of(figures, polarity, target, rules);
    }

    /** A series of quarterly figures that are each the quarter's own (LEVEL). */
    public static ControlChart of(List<Double> figures, Polarity polarity, Double target, SpcRules rules) {
        Objects.requireNonNull(figures, "figures");
        Objects.requireNonNull(polarity, "polarity");
        Objects.requireNonNull(rules, "rules");
        List<Integer> at = new ArrayList<>();
        double sum = 0;
        double rangeSum = 0;
        int ranges = 0;
        for (int i = 0; i < figures.size(); i++) {
            Double x = figures.get(i);
            if (x == null) {
                continue;
            }
            if (!Double.isFinite(x)) {
                throw new IllegalArgumentException("figure " + i + " must be finite, not " + x);
            }
            at.add(i);
            sum += x;
            Double before = i > 0 ? figures.get(i - 1) : null;
            if (before != null) {
                rangeSum += Math.abs(x - before);
                ranges++;
            }
        }
        List<ControlChart.Point> blank = new ArrayList<>(figures.size());
        figures.forEach(x -> blank.add(new ControlChart.Point(List.of(), null)));
        if (at.size() < rules.minimumFigures()) {
            return new ControlChart(null, "process limits need at least " + rules.minimumFigures() + " figures; there "
                    + (at.size() == 1 ? "is 1" : "are " + at.size()), blank, null, null, "no process limits");
        }
        if (ranges == 0) {
            return new ControlChart(null, "process limits need two consecutive quarters with figures; no two are",
                    blank, null, null, "no process limits");
        }
        double mean = sum / at.size();
        double mr = rangeSum / ranges;
        ProcessLimits limits = new ProcessLimits(mean, mean - ProcessLimits.E2 * mr, mean + ProcessLimits.E2 * mr, mr,
                at.size(), ranges);

        List<Set<SpecialCause>> causes = new ArrayList<>(figures.size());
        int[] side = new int[figures.size()]; // +1 high, -1 low, for each figure's strongest cause
        figures.forEach(x -> causes.add(EnumSet.noneOf(SpecialCause.class)));
        List<Double> xs = at.stream().map(figures::get).toList();
        int n = xs.size();

        // OUTSIDE_LIMITS
        for (int k = 0; k < n; k++) {
            double x = xs.get(k);
            if (x > limits.upper() || x < limits.lower()) {
                mark(causes, side, at.get(k), SpecialCause.OUTSIDE_LIMITS, x > limits.upper() ? 1 : -1);
            }
        }
        // TWO_OF_THREE: in any three figures in a row, two or more beyond two sigma on the same side
        double twoSigma = limits.twoSigma();
        for (int k = 0; k + 2 < n; k++) {
            for (int s : new int[] {1, -1}) {
                int beyond = 0;
                for (int j = k; j < k + 3; j++) {
                    if (s * (xs.get(j) - mean) > twoSigma) {
                        beyond++;
                    }
                }
                if (beyond >= 2) {
                    for (int j = k; j < k + 3; j++) {
                        if (s * (xs.get(j) - mean) > twoSigma) {
                            mark(causes, side, at.get(j), SpecialCause.TWO_OF_THREE, s);
                        }
                    }
                }
            }
        }
        // SHIFT: a run on one side of the mean
        int runStart = 0;
        for (int k = 0; k <= n; k++) {
            int s = k < n ? (int) Math.signum(xs.get(k) - mean) : 0;
            int runSide = runStart < n ? (int) Math.signum(xs.get(runStart) - mean) : 0;
            if (k == n || s == 0 || s != runSide) {
                if (runSide != 0 && k - runStart >= rules.shiftLength()) {
                    for (int j = runStart; j < k; j++) {
                        mark(causes, side, at.get(j), SpecialCause.SHIFT, runSide);
                    }
                }
                runStart = k < n && s == 0 ? k + 1 : k;
            }
        }
        // TREND: a run of figures each strictly above (or below) the one before
        int trendStart = 0;
        int trendSide = 0;
        for (int k = 1; k <= n; k++) {
            int s = k < n ? (int) Math.signum(xs.get(k) - xs.get(k - 1)) : 0;
            if (k == n || s == 0 || (trendSide != 0 && s != trendSide)) {
                if (trendSide != 0 && k - trendStart >= rules.trendLength()) {
                    for (int j = trendStart; j < k; j++) {
                        mark(causes, side, at.get(j), SpecialCause.TREND, trendSide);
                    }
                }
                trendStart = s == 0 ? k : k - 1; // an equal figure starts the next run
                trendSide = s;
            } else {
                trendSide = s;
            }
        }

        List<ControlChart.Point> points = new ArrayList<>(figures.size());
        for (int i = 0; i < figures.size(); i++) {
            if (figures.get(i) == null) {
                points.add(new ControlChart.Point(List.of(), null));
                continue;
            }
            Set<SpecialCause> c = causes.get(i);
            Variation v = c.isEmpty() ? Variation.COMMON
                    : side[i] * polarity.sign() > 0 ? Variation.IMPROVING : Variation.CONCERNING;
            points.add(new ControlChart.Point(List.copyOf(c), v));
        }
        Variation latest = points.get(at.get(n - 1)).variation();
        if (target == null) {
            return new ControlChart(limits, null, points, latest, null, "no target");
        }
        return new ControlChart(limits, null, points, latest, assurance(limits, polarity, target), null);
    }

    /** Meeting the target counts as passing. */
    static Assurance assurance(ProcessLimits limits, Polarity polarity, double target) {
        double worstUsual = polarity.sign() > 0 ? limits.lower() : limits.upper();
        double bestUsual = polarity.sign() > 0 ? limits.upper() : limits.lower();
        if (polarity.orient(worstUsual - target) >= 0) {
            return Assurance.CONSISTENTLY_PASSING;
        }
        if (polarity.orient(bestUsual - target) < 0) {
            return Assurance.CONSISTENTLY_FAILING;
        }
        return Assurance.HIT_AND_MISS;
    }

    // The first cause found for a figure decides its direction: limits, then two of three, shift, trend.
    private static void mark(List<Set<SpecialCause>> causes, int[] side, int index, SpecialCause cause, int direction) {
        if (causes.get(index).isEmpty()) {
            side[index] = direction;
        }
        causes.get(index).add(cause);
    }
}
