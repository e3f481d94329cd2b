package io.trajectory.bench.load;

import io.trajectory.etl.generate.SyntheticLandingZone;
import io.trajectory.etl.generate.SyntheticLandingZone.Spec;
import io.trajectory.etl.job.LoadJob;
import io.trajectory.etl.job.LoadOptions;
import io.trajectory.etl.job.Progress;
import io.trajectory.warehouse.snapshot.SnapshotStore;
import io.trajectory.warehouse.trajectory.Trajectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reference does the work publish does, so the benchmark's ratio is fair: on the same
 * generated zone (authorities, districts, area plans, explicit trajectories, groups), its facts,
 * plans, group members and trajectories are the published snapshot's, row for row.
 */
class DuckDbReferenceTest {

    /** The columns both sides have, with the area by code (keys are numbered alike but need not be). */
    private static final String TRAJECTORIES = """
            select t.indicator_ref, a.area_code, t.period_key, round(t.planned_value, 6), round(t.stretch_planned_value, 6),
                   round(t.reward_threshold, 6), t.is_explicit
            from %1$s.fact_trajectory t join %1$s.dim_area a using (area_key)""";
    private static final String PLANS = """
            select p.indicator_ref, a.area_code, p.version, p.baseline_value, p.target_value, p.stretch_target_value,
                   p.valid_from_key, p.valid_to_key, p.source
            from %1$s.dim_plan p join %1$s.dim_area a using (area_key)""";
    private static final String FACTS = """
            select f.indicator_ref, a.area_code, f.period_key, f.return_period_key, f.revision, f.is_latest, f.actual,
                   f.reported_rating
            from %1$s.fact_indicator_return f join %1$s.dim_area a using (area_key)""";
    private static final String MEMBERS = """
            select g.group_name, a.area_code
            from %1$s.bridge_comparison_group_area b join %1$s.dim_comparison_group g using (group_key)
            join %1$s.dim_area a using (area_key)""";

    @TempDir
    Path temp;

    @Test
    void referenceConformsTheSameZoneAsPublishDoes() throws Exception {
        Path landing = temp.resolve("landing");
        new SyntheticLandingZone(Spec.of(6, 26, 5).withDistricts(2).withRates(0.05, 0.05)).write(landing);
        Path data = temp.resolve("data");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        new LoadJob(new LoadOptions(landing, data, "local[2]", Map.of(), 2, Trajectory.DEFAULT_REWARD_SHARE, false,
                false, 5), new Progress(new PrintStream(log, true, StandardCharsets.UTF_8))).run();
        Path snapshot = SnapshotStore.at(data).current().orElseThrow(() -> new AssertionError(log)).file();

        DuckDbReference.Result result = DuckDbReference.run(landing, temp.resolve("reference.duckdb"),
                Trajectory.DEFAULT_REWARD_SHARE);

        assertThat(result.returnsRows()).isEqualTo(result.factRows()).isGreaterThan(6 * 3 * 26 * 5);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
             Statement st = c.createStatement()) {
            st.execute("attach '" + temp.resolve("reference.duckdb") + "' as ref (read_only)");
            st.execute("attach '" + snapshot + "' as snap (read_only)");
            for (Map.Entry<String, String> table : Map.of("trajectories", TRAJECTORIES, "plans", PLANS, "facts", FACTS,
                    "comparison group members", MEMBERS).entrySet()) {
                String ref = table.getValue().formatted("ref");
                String snap = table.getValue().formatted("snap");
                assertThat(count(st, "(" + ref + ")")).as(table.getKey()).isPositive().isEqualTo(count(st, "(" + snap + ")"));
                assertThat(count(st, "(" + ref + " except all " + snap + ")")).as(table.getKey() + " only in the reference")
                        .isZero();
                assertThat(count(st, "(" + snap + " except all " + ref + ")")).as(table.getKey() + " only in the snapshot")
                        .isZero();
            }
            assertThat(count(st, "ref.fact_trajectory")).isEqualTo(result.trajectoryRows());
        }
    }

    private static long count(Statement st, String relation) throws Exception {
        try (ResultSet rs = st.executeQuery("select count(*) from " + relation + " as r")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
