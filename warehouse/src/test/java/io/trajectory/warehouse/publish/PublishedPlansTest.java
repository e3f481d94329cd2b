package io.trajectory.warehouse.publish;

import io.trajectory.warehouse.indicator.Accumulation;
import io.trajectory.warehouse.indicator.Polarity;
import io.trajectory.warehouse.period.FiscalQuarter;
import io.trajectory.warehouse.query.Basis;
import io.trajectory.warehouse.query.GapRow;
import io.trajectory.warehouse.query.TrajectoryGapQuery;
import io.trajectory.warehouse.rating.Rating;
import io.trajectory.warehouse.rating.TrajectoryRatingRule;
import io.trajectory.warehouse.snapshot.SnapshotStore;
import io.trajectory.warehouse.trajectory.IndicatorTargets;
import io.trajectory.warehouse.trajectory.PlannedValues;
import io.trajectory.warehouse.trajectory.Trajectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plans per area: the trajectories the publish SQL works out from the register's plans and the
 * areas' own (area_targets.csv, trajectories.csv with an area) are the ones {@link Trajectory}
 * gives, row for row; an area with its own plan is measured against it; an area with none gets
 * actuals and directions but no planned value, gap or computed rating.
 */
class PublishedPlansTest {

    @TempDir
    static Path dir;

    private static Connection db;

    /**
     * The whole authority reports NI-1 (level, higher is better) and CUM (cumulative, lower is
     * better, a second register version from 2008/09 Q1). NORTH has its own NI-1 plan in two
     * versions, EAST only explicit planned values, SOUTH no plan at all, and WEST a CUM plan.
     */
    @BeforeAll
    static void publish() throws SQLException {
        LakeFixture lake = new LakeFixture(dir.resolve("lake"));
        LakeFixture.BatchWriter b = lake.batch();
        b.indicatorVersion("NI-1", 1, "Children", "HIGHER_IS_BETTER", "LEVEL", 20064, 100.0, 20084, 200.0, 220.0, 20071, null)
                .indicatorVersion("CUM", 1, "Safer", "LOWER_IS_BETTER", "CUMULATIVE_YTD", 20064, 400.0, 20084, 300.0, 280.0, 20071, 20081)
                .indicatorVersion("CUM", 2, "Safer", "LOWER_IS_BETTER", "CUMULATIVE_YTD", 20074, 380.0, 20094, 320.0, null, 20081, null)
                .areaPlanVersion("NI-1", "NORTH", 1, 20064, 50.0, 20084, 90.0, 100.0, 20071, 20081)
                .areaPlanVersion("NI-1", "NORTH", 2, 20074, 60.0, 20094, 120.0, null, 20081, null)
                .areaPlanVersion("CUM", "WEST", 1, 20064, 40.0, 20084, 30.0, 25.0, 20071, null)
                .plannedValue("NI-1", "", 20072, 130.0, null)
                .plannedValue("NI-1", "EAST", 20072, 20.0, 22.0)
                .plannedValue("NI-1", "EAST", 20073, 21.0, null)
                .plannedValue("NI-1", "NORTH", 20073, 70.0, null)
                .area("NORTH", "North District", null, "district")
                .area("SOUTH", "South District", null, "district");
        b.returned(20081, true, "sha-q1").returned(20082, true, "sha-q2");
        for (int key : new int[] {20081, 20082}) {
            double step = key - 20080;
            b.figure(key, "NI-1", key, "", 150.0 + step, "GREEN")
                    .figure(key, "NI-1", key, "NORTH", 70.0 + step, "RED")
                    .figure(key, "NI-1", key, "SOUTH", 30.0 + step, null)
                    .figure(key, "NI-1", key, "EAST", 25.0 + step, "AMBER")
                    .figure(key, "CUM", key, "", 100.0 * step, "GREEN")
                    .figure(key, "CUM", key, "WEST", 9.0 * step, "AMBER");
        }
        b.commit();
        PublishResult r = new Publisher(m -> { }).publish(lake.lake(), SnapshotStore.at(dir.resolve("data")),
                PublishOptions.defaults());
        db = DriverManager.getConnection(r.snapshot().readOnlyUrl());
    }

    @AfterAll
    static void close() throws SQLException {
        db.close();
    }

    @Test
    void everyTrajectoryRowIsWhatTrajectoryGivesForThePlanInForce() throws SQLException {
        Map<String, Map<FiscalQuarter, PlannedValues>> explicit = new HashMap<>();
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("""
                select v.indicator_ref, v.area_code, v.period_key, v.planned_value, v.stretch_planned_value
                from (values ('NI-1', '', 20072, 130.0, null), ('NI-1', 'EAST', 20072, 20.0, 22.0),
                             ('NI-1', 'EAST', 20073, 21.0, null), ('NI-1', 'NORTH', 20073, 70.0, null))
                     as v (indicator_ref, area_code, period_key, planned_value, stretch_planned_value)""")) {
            while (rs.next()) {
                explicit.computeIfAbsent(rs.getString(1) + "|" + rs.getString(2), k -> new TreeMap<>())
                        .put(FiscalQuarter.ofKey(rs.getInt(3)), new PlannedValues(dbl(rs, 4), dbl(rs, 5)));
            }
        }
        // every plan in force, quarter by quarter, as Java works it out
        Map<String, double[]> expected = new TreeMap<>();
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("""
                select p.indicator_ref, a.area_code, i.polarity, i.accumulation, p.baseline_period_key, p.baseline_value,
                       p.target_period_key, p.target_value, p.stretch_target_value,
                       greatest(p.valid_from_key, i.valid_from_key), p.valid_to_key, i.valid_to_key
                from dim_plan as p
                join dim_area as a using (area_key)
                join dim_indicator as i
                  on i.indicator_ref = p.indicator_ref
                 and i.valid_from_key < coalesce(p.valid_to_key, 99999)
                 and coalesce(i.valid_to_key, 99999) > p.valid_from_key""")) {
            while (rs.next()) {
                String ref = rs.getString(1);
                String area = rs.getString(2);
                IndicatorTargets targets = new IndicatorTargets(Polarity.parse(rs.getString(3)),
                        Accumulation.parse(rs.getString(4)), quarter(rs, 5), dbl(rs, 6), quarter(rs, 7), dbl(rs, 8),
                        dbl(rs, 9));
                Trajectory t = Trajectory.of(targets, explicit.get(ref + "|" + area), 0.6);
                FiscalQuarter from = FiscalQuarter.ofKey(rs.getInt(10));
                FiscalQuarter planEnd = quarter(rs, 11);
                FiscalQuarter versionEnd = quarter(rs, 12);
                FiscalQuarter end = earliest(planEnd, versionEnd);
                FiscalQuarter last = end != null ? end.previous()
                        : latest(FiscalQuarter.of(2008, 2), targets.targetPeriod());
                for (FiscalQuarter q = from; !q.isAfter(last); q = q.next()) {
                    OptionalDouble p = t.planned(q);
                    OptionalDouble s = t.stretchPlanned(q);
                    OptionalDouble w = t.rewardThreshold(q);
                    if (p.isPresent() || s.isPresent() || w.isPresent()) {
                        expected.put(ref + "|" + area + "|" + q.key(), new double[] {
                                or(t.baselineFor(q)), or(p), or(s), or(w)});
                    }
                }
            }
        }
        Map<String, double[]> published = new TreeMap<>();
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("""
                select f.indicator_ref, a.area_code, f.period_key, f.baseline_value, f.planned_value,
                       f.stretch_planned_value, f.reward_threshold
                from fact_trajectory as f join dim_area as a using (area_key)""")) {
            while (rs.next()) {
                published.put(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getInt(3), new double[] {
                        nan(rs, 4), nan(rs, 5), nan(rs, 6), nan(rs, 7)});
            }
        }
        assertThat(published.keySet()).containsExactlyElementsOf(new TreeSet<>(expected.keySet()));
        expected.forEach((k, v) -> assertThat(published.get(k)).as(k).containsExactly(v));
        assertThat(published).containsKeys("NI-1|NORTH|20081", "NI-1|EAST|20072", "CUM|WEST|20083", "CUM||20091");
    }

    @Test
    void anAreaWithItsOwnPlanIsMeasuredAgainstIt() throws SQLException {
        // NORTH's second plan: 60 in 2007/08 Q4 to 120 in 2009/10 Q4, so 67.5 in 2008/09 Q1
        assertThat(rows("select planned_value || ' ' || gap || ' ' || target_value || ' ' || has_plan "
                + "from mart_indicator_quarter join dim_area using (area_key) "
                + "where basis = 'latest' and indicator_ref = 'NI-1' and area_code = 'NORTH' and period_key = 20081"))
                .containsExactly("67.5 3.5 120.0 true");
        // the whole authority keeps the register's plan: 100 to 200 over 8 quarters
        assertThat(rows("select planned_value || ' ' || target_value from mart_indicator_quarter "
                + "join dim_area using (area_key) where basis = 'latest' and indicator_ref = 'NI-1' "
                + "and is_whole_authority and period_key = 20081"))
                .containsExactly("162.5 200.0");
    }

    @Test
    void anAreaWithNoPlanHasActualsAndDirectionsButNoPlannedValueGapOrComputedRating() throws SQLException {
        assertThat(rows("select actual || ' ' || coalesce(planned_value::varchar, '-') || ' ' || coalesce(gap::varchar, '-') "
                + "|| ' ' || direction_vs_previous_quarter || ' ' || has_plan || ' ' || no_plan_reason || ' ' || rating "
                + "from mart_indicator_quarter join dim_area using (area_key) "
                + "where basis = 'latest' and indicator_ref = 'NI-1' and area_code = 'SOUTH' and period_key = 20082"))
                .containsExactly("32.0 - - IMPROVING false no plan for South District NOT_AVAILABLE");

        TrajectoryGapQuery gaps = new TrajectoryGapQuery(TrajectoryRatingRule.create(), 4);
        GapRow south = gaps.gaps(db, FiscalQuarter.of(2008, 2), null, Basis.LATEST, areaKey("SOUTH")).stream()
                .filter(g -> g.indicator().equals("NI-1")).findFirst().orElseThrow();
        assertThat(south.planned()).isNull();
        assertThat(south.gap()).isNull();
        assertThat(south.computedRating()).isNull();
        assertThat(south.computedRatingReason()).isEqualTo("no plan for South District");
        assertThat(south.ratingsDisagree()).isFalse();

        GapRow north = gaps.gaps(db, FiscalQuarter.of(2008, 1), null, Basis.LATEST, areaKey("NORTH")).stream()
                .filter(g -> g.indicator().equals("NI-1")).findFirst().orElseThrow();
        assertThat(north.computedRating()).as("71 against 67.5 planned is ahead").isEqualTo(Rating.GREEN);
        assertThat(north.ratingsDisagree()).as("the officer said RED").isTrue();
    }

    @Test
    void areasAreNamedTypedAndKeptFromTheAreaList() throws SQLException {
        assertThat(rows("select area_code || '|' || area_name || '|' || area_type || '|' || is_listed from dim_area "
                + "order by area_code"))
                .containsExactly("|Whole authority|whole authority|false", "EAST|EAST|area|false",
                        "NORTH|North District|district|true", "SOUTH|South District|district|true", "WEST|WEST|area|false");
        assertThat(rows("select source || ' ' || count(*) from dim_plan group by source order by 1"))
                .containsExactly("area_targets 3", "register 3", "trajectories 1");
    }

    private static int areaKey(String code) throws SQLException {
        return Integer.parseInt(rows("select area_key from dim_area where area_code = '" + code + "'").get(0));
    }

    private static List<String> rows(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static Double dbl(ResultSet rs, int i) throws SQLException {
        double v = rs.getDouble(i);
        return rs.wasNull() ? null : v;
    }

    private static double nan(ResultSet rs, int i) throws SQLException {
        Double v = dbl(rs, i);
        return v == null ? Double.NaN : v;
    }

    private static double or(OptionalDouble d) {
        return d.isPresent() ? d.getAsDouble() : Double.NaN;
    }

    private static FiscalQuarter quarter(ResultSet rs, int i) throws SQLException {
        int k = rs.getInt(i);
        return rs.wasNull() ? null : FiscalQuarter.ofKey(k);
    }

    private static FiscalQuarter earliest(FiscalQuarter a, FiscalQuarter b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    private static FiscalQuarter latest(FiscalQuarter a, FiscalQuarter b) {
        return b == null || a.isAfter(b) ? a : b;
    }
}
