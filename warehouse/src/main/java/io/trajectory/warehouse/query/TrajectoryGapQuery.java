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
import java.sql.ResultSet;
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
        return QuerySql.list(c, "trajectory_gap.sql", params, rs -> gapRow(rs, period));
    }

    /**
     * One indicator in one quarter in an authority ({@code areaKey}) and each area within it: the
     * authority first, then its areas by name (for the whole authority, every top-level area), each
     * against its own plan and rated by the same rule as {@link #gaps}. Areas with neither a figure
     * nor a plan for the indicator are left out.
     */
    public List<AreaGapRow> acrossAreas(Connection c, String ref, FiscalQuarter period, Basis basis, int areaKey)
            throws SQLException {
        Objects.requireNonNull(ref, "ref");
        Map<String, Object> params = new HashMap<>();
        params.put("ref", ref);
        params.put("period_key", period.key());
        params.put("basis", basis.code());
        params.put("area_key", areaKey);
        params.put("trend_quarters", trendQuarters);
        return QuerySql.list(c, "trajectory_gap_areas.sql", params, rs -> {
            GapRow g = gapRow(rs, period);
            return new AreaGapRow(g.indicator(), g.period(), g.area(), str(rs, "area_name"), str(rs, "area_type"),
                    g.actual(), g.planned(), g.gap(), g.gapShareOfPlannedImprovement(), g.stretchPlanned(),
                    g.gapToStretch(), g.rewardThreshold(), g.gapToReward(), g.reportedRating(), g.computedRating(),
                    g.ratingsDisagree(), g.computedRatingReason(), str(rs, "no_plan_reason"),
                    constant(rs, "direction_vs_previous_quarter", DirectionOfTravel.class),
                    str(rs, "direction_vs_previous_quarter_reason"),
                    constant(rs, "direction_vs_same_quarter_last_year", DirectionOfTravel.class),
                    str(rs, "direction_vs_same_quarter_last_year_reason"), g.comment());
        });
    }

    /** A row of trajectory_gap.sql (or its areas' variant), rated by the configured rule. */
    private GapRow gapRow(ResultSet rs, FiscalQuarter period) throws SQLException {
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
    }
}
