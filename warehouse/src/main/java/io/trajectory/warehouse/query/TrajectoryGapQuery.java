package io.trajectory.warehouse.query;

import io.trajectory.warehouse.indicator.Accumulation;
import io.trajectory.warehouse.indicator.Polarity;
import io.trajectory.warehouse.indicator.ReportingFrequency;
import io.trajectory.warehouse.indicator.ReportingSchedule;
import io.trajectory.warehouse.period.FiscalQuarter;
import io.trajectory.warehouse.rating.ComputedRating;
import io.trajectory.warehouse.rating.Rating;
import io.trajectory.warehouse.rating.RatingInputs;
import io.trajectory.warehouse.rating.RatingRule;
import io.trajectory.warehouse.trajectory.DirectionOfTravel;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static io.trajectory.warehouse.query.Rows.constant;
import static io.trajectory.warehouse.query.Rows.dbl;
import static io.trajectory.warehouse.query.Rows.str;

/**
 * The trajectory-gap family: every indicator in force in a quarter against its plan, with the
 * officer's rating beside the one the configured {@link RatingRule} computes from the numbers.
 * Immutable and thread-safe.
 */
public final class TrajectoryGapQuery {

    private final RatingRule rule;
    private final int trendQuarters;

    /**
     * @param trendQuarters how many recent quarters the slope the rule projects is fitted over
     */
    public TrajectoryGapQuery(RatingRule rule, int trendQuarters) {
        this.rule = Objects.requireNonNull(rule, "rule");
        if (trendQuarters < 2) {
            throw new IllegalArgumentException("a trend needs at least 2 quarters, not " + trendQuarters);
        }
        this.trendQuarters = trendQuarters;
    }

    public RatingRule rule() {
        return rule;
    }

    /** {@code theme} null = every theme. */
    public List<GapRow> gaps(Connection c, FiscalQuarter period, String theme, Basis basis, int areaKey) throws SQLException {
        Map<String, Object> params = new HashMap<>();
        params.put("period_key", period.key());
        params.put("basis", basis.code());
        params.put("area_key", areaKey);
        params.put("theme", CatalogueQuery.blankToNull(theme));
        params.put("trend_quarters", trendQuarters);
        return QuerySql.list(c, "trajectory_gap.sql", params, rs -> {
            Polarity polarity = Polarity.parse(str(rs, "polarity"));
            Accumulation accumulation = Accumulation.parse(str(rs, "accumulation"));
            String targetPeriod = str(rs, "target_period");
            ReportingSchedule schedule = new ReportingSchedule(Rows.constant(rs, "frequency", ReportingFrequency.class),
                    Rows.integer(rs, "due_quarter"));
            RatingInputs inputs = RatingInputs.builder(polarity, accumulation, period)
                    .schedule(schedule)
                    .actual(dbl(rs, "actual"))
                    .planned(dbl(rs, "planned"))
                    .baseline(dbl(rs, "baseline_value"))
                    .finalTarget(dbl(rs, "target_value"), targetPeriod == null ? null : FiscalQuarter.parse(targetPeriod))
                    .annualPlannedAtYearEnd(dbl(rs, "planned_at_year_end"))
                    // as RatingInputs.of: year-to-date figures reset in April, so no slope for them; the
                    // slope of an annual indicator is over its last annual figures (trajectory_gap.sql)
                    .slopePerQuarter(accumulation == Accumulation.LEVEL ? dbl(rs, "slope_per_quarter") : null)
                    .previousQuarterActual(dbl(rs, "previous_actual"))
                    .sameQuarterLastYearActual(dbl(rs, "same_quarter_last_year_actual"))
                    .build();
            // an area with no plan of its own has nothing to rate against
            ComputedRating computed = rs.getBoolean("has_plan") ? rule.rate(inputs) : null;
            Rating reported = Rating.valueOf(str(rs, "reported_rating"));
            // only a rating the officer gave can disagree (a blank rating reads as NOT_AVAILABLE)
            boolean disagree = computed != null && rs.getBoolean("is_officer_rated") && computed.disagreesWith(reported);
            return new GapRow(str(rs, "indicator_ref"), str(rs, "period"), str(rs, "area"), str(rs, "title"),
                    str(rs, "theme"), polarity,
                    inputs.actual(), inputs.planned(), dbl(rs, "gap"), dbl(rs, "gap_share_of_planned_improvement"),
                    dbl(rs, "stretch_planned"), dbl(rs, "gap_to_stretch"), dbl(rs, "reward_threshold"),
                    dbl(rs, "gap_to_reward"), reported, computed == null ? null : computed.rating(),
                    disagree, computed == null ? str(rs, "no_plan_reason") : computed.reason(), str(rs, "comment"),
                    constant(rs, "officer_trend", DirectionOfTravel.class));
        });
    }
}
