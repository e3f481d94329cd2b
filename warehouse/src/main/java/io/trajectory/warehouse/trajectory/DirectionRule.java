package io.trajectory.warehouse.trajectory;

import io.trajectory.warehouse.indicator.Accumulation;
import io.trajectory.warehouse.indicator.Polarity;
import io.trajectory.warehouse.indicator.ReportingSchedule;
import io.trajectory.warehouse.period.FiscalQuarter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Direction of travel computed from actuals, against the previous quarter and against the same
 * quarter last year.
 *
 * <p>Always against the named quarter, never "the previous row": when a quarter needed is
 * missing there is no direction, and the reason names the quarter. Changes are oriented by
 * polarity, so a fall is IMPROVING when lower is better. Differences within floating-point
 * noise (a billionth of the values compared) count as NO_CHANGE.
 *
 * <p>For a CUMULATIVE_YTD indicator, the same quarter last year compares year to date with year
 * to date (like for like), while the previous quarter compares the quarter's own increment
 * ({@code ytd(q) − ytd(q−1)}, or {@code ytd(q)} in Q1) with the previous quarter's increment,
 * since year-to-date totals only grow within a year and reset in April.
 *
 * <p>An ANNUAL indicator has one figure a year, so it is compared with the same quarter last year
 * only: against the previous quarter there is no direction, with the reason. A quarter whose
 * figure is not due has no direction either, and the reason says so ("not due in 2007/08 Q3
 * (annual, due in Q4)").
 */
public final class DirectionRule {

    private static final double RELATIVE_NOISE = 1e-9;

    private DirectionRule() {
    }

    /**
     * Direction against {@code q.previous()} of an indicator due every quarter.
     *
     * @param actualFor the actual for a quarter, empty (or null) when none was reported
     */
    public static Direction vsPreviousQuarter(FiscalQuarter q, Accumulation acc, Polarity pol,
            Function<FiscalQuarter, OptionalDouble> actualFor) {
        return vsPreviousQuarter(q, acc, pol, ReportingSchedule.QUARTERLY, actualFor);
    }

    /**
     * Direction against {@code q.previous()}; none for an ANNUAL indicator.
     *
     * @param actualFor the actual for a quarter, empty (or null) when none was reported
     */
    public static Direction vsPreviousQuarter(FiscalQuarter q, Accumulation acc, Polarity pol, ReportingSchedule schedule,
            Function<FiscalQuarter, OptionalDouble> actualFor) {
        Objects.requireNonNull(q, "quarter");
        Objects.requireNonNull(schedule, "schedule");
        if (schedule.isAnnual()) {
            return Direction.notJudged(annualVsPrevious(schedule), q.previous());
        }
        Objects.requireNonNull(acc, "accumulation");
        Objects.requireNonNull(pol, "polarity");
        Objects.requireNonNull(actualFor, "actualFor");
        FiscalQuarter previous = q.previous();
        return switch (acc) {
            case LEVEL -> compareActuals(q, previous, pol, actualFor);
            case CUMULATIVE_YTD -> compareIncrements(q, previous, pol, actualFor);
        };
    }

    /**
     * Direction against {@code q.sameQuarterLastYear()}; year to date against year to date for a
     * CUMULATIVE_YTD indicator.
     *
     * @param actualFor the actual for a quarter, empty (or null) when none was reported
     */
    public static Direction vsSameQuarterLastYear(FiscalQuarter q, Accumulation acc, Polarity pol,
            Function<FiscalQuarter, OptionalDouble> actualFor) {
        return vsSameQuarterLastYear(q, acc, pol, ReportingSchedule.QUARTERLY, actualFor);
    }

    /**
     * Direction against {@code q.sameQuarterLastYear()}; when {@code q} has no actual because its
     * figure is not due, none, with that reason.
     *
     * @param actualFor the actual for a quarter, empty (or null) when none was reported
     */
    public static Direction vsSameQuarterLastYear(FiscalQuarter q, Accumulation acc, Polarity pol,
            ReportingSchedule schedule, Function<FiscalQuarter, OptionalDouble> actualFor) {
        Objects.requireNonNull(q, "quarter");
        Objects.requireNonNull(acc, "accumulation");
        Objects.requireNonNull(pol, "polarity");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(actualFor, "actualFor");
        if (actual(actualFor, q).isEmpty() && !schedule.isDue(q)) {
            return Direction.notJudged(schedule.notDueReason(q), q.sameQuarterLastYear());
        }
        return compareActuals(q, q.sameQuarterLastYear(), pol, actualFor);
    }

    /** "annual (due in Q4): compared with the same quarter last year only". */
    public static String annualVsPrevious(ReportingSchedule schedule) {
        return schedule.describe() + ": compared with the same quarter last year only";
    }

    private static Direction compareActuals(FiscalQuarter q, FiscalQuarter then, Polarity pol,
            Function<FiscalQuarter, OptionalDouble> actualFor) {
        OptionalDouble now = actual(actualFor, q);
        if (now.isEmpty()) {
            return Direction.notJudged(noActualFor(List.of(q)), then);
        }
        OptionalDouble before = actual(actualFor, then);
        if (before.isEmpty()) {
            return Direction.notJudged(noActualFor(List.of(then)), then);
        }
        double a = now.getAsDouble();
        double b = before.getAsDouble();
        return Direction.judged(direction(a - b, Math.max(Math.abs(a), Math.abs(b)), pol), then);
    }

    private static Direction compareIncrements(FiscalQuarter q, FiscalQuarter previous, Polarity pol,
            Function<FiscalQuarter, OptionalDouble> actualFor) {
        if (actual(actualFor, q).isEmpty()) {
            return Direction.notJudged(noActualFor(List.of(q)), previous);
        }
        // The year-to-date figures the two increments need, earliest first.
        List<FiscalQuarter> needed = new ArrayList<>();
        if (previous.quarter() > 1) {
            needed.add(previous.previous());
        }
        needed.add(previous);
        List<FiscalQuarter> missing = needed.stream().filter(x -> actual(actualFor, x).isEmpty()).toList();
        if (!missing.isEmpty()) {
            return Direction.notJudged(noActualFor(missing), previous);
        }
        double now = increment(q, actualFor);
        double before = increment(previous, actualFor);
        double scale = Math.abs(actual(actualFor, q).getAsDouble());
        for (FiscalQuarter x : needed) {
            scale = Math.max(scale, Math.abs(actual(actualFor, x).getAsDouble()));
        }
        return Direction.judged(direction(now - before, scale, pol), previous);
    }

    // The quarter's own share of a year-to-date figure; its actual and the one before must exist.
    private static double increment(FiscalQuarter q, Function<FiscalQuarter, OptionalDouble> actualFor) {
        double ytd = actual(actualFor, q).getAsDouble();
        return q.quarter() == 1 ? ytd : ytd - actual(actualFor, q.previous()).getAsDouble();
    }

    private static DirectionOfTravel direction(double change, double scale, Polarity pol) {
        if (Math.abs(change) <= RELATIVE_NOISE * Math.max(1.0, scale)) {
            return DirectionOfTravel.NO_CHANGE;
        }
        return DirectionOfTravel.ofOrientedChange(pol.orient(change));
    }

    private static OptionalDouble actual(Function<FiscalQuarter, OptionalDouble> actualFor, FiscalQuarter q) {
        OptionalDouble value = actualFor.apply(q);
        return value == null ? OptionalDouble.empty() : value;
    }

    private static String noActualFor(List<FiscalQuarter> quarters) {
        return "no actual for " + quarters.stream().map(FiscalQuarter::toString).collect(Collectors.joining(" and "));
    }
}
