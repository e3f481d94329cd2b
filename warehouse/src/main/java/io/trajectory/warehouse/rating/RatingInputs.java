package io.trajectory.warehouse.rating;

import io.trajectory.warehouse.indicator.Accumulation;
import io.trajectory.warehouse.indicator.Polarity;
import io.trajectory.warehouse.indicator.ReportingSchedule;
import io.trajectory.warehouse.period.FiscalQuarter;
import io.trajectory.warehouse.trajectory.IndicatorTargets;
import io.trajectory.warehouse.trajectory.Trajectory;
import io.trajectory.warehouse.trajectory.Trend;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * Everything a {@link RatingRule} may look at to rate one indicator for one quarter. Values
 * are null when unknown and must otherwise be finite.
 *
 * @param period                    the quarter being rated
 * @param actual                    the actual for {@code period} (year to date when cumulative)
 * @param planned                   the planned value for {@code period}
 * @param baseline                  the baseline for {@code period} (profiled q/4 when cumulative)
 * @param finalTarget               the (non-stretch) target, to be met by {@code targetPeriod}
 * @param annualPlannedAtYearEnd    the planned value at Q4 of this financial year (for cumulative)
 * @param slopePerQuarter           least-squares slope of recent actuals, per quarter
 * @param previousQuarterActual     the actual for {@code period.previous()}
 * @param sameQuarterLastYearActual the actual for {@code period.sameQuarterLastYear()}
 * @param schedule                  when the indicator's figure is due (an ANNUAL indicator's only in its due quarter)
 */
public record RatingInputs(
        Polarity polarity,
        Accumulation accumulation,
        FiscalQuarter period,
        Double actual,
        Double planned,
        Double baseline,
        Double finalTarget,
        FiscalQuarter targetPeriod,
        Double annualPlannedAtYearEnd,
        Double slopePerQuarter,
        Double previousQuarterActual,
        Double sameQuarterLastYearActual,
        ReportingSchedule schedule) {

    public RatingInputs {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(polarity, "polarity");
        Objects.requireNonNull(accumulation, "accumulation");
        Objects.requireNonNull(period, "period");
        requireFiniteOrNull(actual, "actual");
        requireFiniteOrNull(planned, "planned");
        requireFiniteOrNull(baseline, "baseline");
        requireFiniteOrNull(finalTarget, "finalTarget");
        requireFiniteOrNull(annualPlannedAtYearEnd, "annualPlannedAtYearEnd");
        requireFiniteOrNull(slopePerQuarter, "slopePerQuarter");
        requireFiniteOrNull(previousQuarterActual, "previousQuarterActual");
        requireFiniteOrNull(sameQuarterLastYearActual, "sameQuarterLastYearActual");
    }

    /**
     * The inputs for a quarter of an indicator due every quarter; see
     * {@link #of(Trajectory, ReportingSchedule, FiscalQuarter, Function, int)}.
     */
    public static RatingInputs of(Trajectory trajectory, FiscalQuarter period,
            Function<FiscalQuarter, OptionalDouble> actualFor, int trendQuarters) {
        return of(trajectory, ReportingSchedule.QUARTERLY, period, actualFor, trendQuarters);
    }

    /**
     * The inputs for a quarter, taken from an indicator's trajectory and its actuals. The slope
     * is of the last {@code trendQuarters} figures (LEVEL indicators only; null for
     * CUMULATIVE_YTD, whose rules project the year-to-date rate instead): the last quarters', or
     * for an ANNUAL indicator the same quarter's of the last years ({@link Trend#slopePerQuarter(
     * FiscalQuarter, int, ReportingSchedule, Function)}).
     */
    public static RatingInputs of(Trajectory trajectory, ReportingSchedule schedule, FiscalQuarter period,
            Function<FiscalQuarter, OptionalDouble> actualFor, int trendQuarters) {
        Objects.requireNonNull(trajectory, "trajectory");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(actualFor, "actualFor");
        IndicatorTargets targets = trajectory.targets();
        Function<FiscalQuarter, OptionalDouble> lookup = q -> {
            OptionalDouble v = actualFor.apply(q);
            return v == null ? OptionalDouble.empty() : v;
        };
        Double slope = targets.accumulation() == Accumulation.LEVEL
                ? boxed(Trend.slopePerQuarter(period, trendQuarters, schedule, lookup))
                : null;
        return new RatingInputs(
                targets.polarity(),
                targets.accumulation(),
                period,
                boxed(lookup.apply(period)),
                boxed(trajectory.planned(period)),
                boxed(trajectory.baselineFor(period)),
                targets.targetValue(),
                targets.targetPeriod(),
                boxed(trajectory.planned(FiscalQuarter.of(period.fiscalYear(), 4))),
                slope,
                boxed(lookup.apply(period.previous())),
                boxed(lookup.apply(period.sameQuarterLastYear())),
                schedule);
    }

    /** A builder with every optional value null. */
    public static Builder builder(Polarity polarity, Accumulation accumulation, FiscalQuarter period) {
        return new Builder(polarity, accumulation, period);
    }

    private static Double boxed(OptionalDouble d) {
        return d.isPresent() ? d.getAsDouble() : null;
    }

    private static void requireFiniteOrNull(Double value, String name) {
        if (value != null && !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number, not " + value);
        }
    }

    /** Builds {@link RatingInputs} by name; not thread-safe. */
    public static final class Builder {

        private final Polarity polarity;
        private final Accumulation accumulation;
        private final FiscalQuarter period;
        private Double actual;
        private Double planned;
        private Double baseline;
        private Double finalTarget;
        private FiscalQuarter targetPeriod;
        private Double annualPlannedAtYearEnd;
        private Double slopePerQuarter;
        private Double previousQuarterActual;
        private Double sameQuarterLastYearActual;
        private ReportingSchedule schedule = ReportingSchedule.QUARTERLY;

        private Builder(Polarity polarity, Accumulation accumulation, FiscalQuarter period) {
            this.polarity = polarity;
            this.accumulation = accumulation;
            this.period = period;
        }

        public Builder actual(Double value) {
            actual = value;
            return this;
        }

        public Builder planned(Double value) {
            planned = value;
            return this;
        }

        public Builder baseline(Double value) {
            baseline = value;
            return this;
        }

        /** The final (non-stretch) target and the quarter it is to be met by. */
        public Builder finalTarget(Double value, FiscalQuarter by) {
            finalTarget = value;
            targetPeriod = by;
            return this;
        }

        public Builder annualPlannedAtYearEnd(Double value) {
            annualPlannedAtYearEnd = value;
            return this;
        }

        public Builder slopePerQuarter(Double value) {
            slopePerQuarter = value;
            return this;
        }

        public Builder previousQuarterActual(Double value) {
            previousQuarterActual = value;
            return this;
        }

        public Builder sameQuarterLastYearActual(Double value) {
            sameQuarterLastYearActual = value;
            return this;
        }

        /** When the figure is due; QUARTERLY unless set. */
        public Builder schedule(ReportingSchedule value) {
            schedule = Objects.requireNonNull(value, "schedule");
            return this;
        }

        public RatingInputs build() {
            return new RatingInputs(polarity, accumulation, period, actual, planned, baseline, finalTarget, targetPeriod,
                    annualPlannedAtYearEnd, slopePerQuarter, previousQuarterActual, sameQuarterLastYearActual, schedule);
        }
    }
}
