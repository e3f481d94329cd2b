package io.trajectory.etl.job;

import io.trajectory.warehouse.load.LoadReport;
import io.trajectory.warehouse.load.LoadReport.HeldBackQuarter;
import io.trajectory.warehouse.load.LoadReport.Outcome;
import io.trajectory.warehouse.load.LoadReport.ReasonCount;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.trajectory.etl.job.TestLoads.rows;
import static io.trajectory.etl.job.TestLoads.value;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A landing zone's life, load by load, on the small fixture: three quarters, the third not yet
 * signed off, a restated figure, a district breakdown and four bad rows. Each step runs a real
 * Spark load and reads the published DuckDB snapshot.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LoadScenarioTest {

    Path landing;
    Path data;
    TestLoads.Result first;

    @BeforeAll
    void firstLoad(@TempDir Path tmp) throws Exception {
        landing = TestLoads.copy(TestLoads.resource("landing-small"), tmp.resolve("landing"));
        data = tmp.resolve("data");
        first = TestLoads.run(TestLoads.options(landing, data));
    }

    @Test
    @Order(1)
    void firstLoadPublishesOnlySignedOffQuarters() throws Exception {
        assertThat(first.summary().published().snapshot().version()).isEqualTo(1);
        assertThat(first.summary().published().latestPeriod()).isEqualTo("2007/08 Q2");
        assertThat(value(data, "select max(return_period_key) from fact_indicator_return")).isEqualTo("20072");
        assertThat(rows(data, "select return_period_key, is_signed_off, is_published from meta_return order by 1"))
                .containsExactly(List.of("20071", "true", "true"), List.of("20072", "true", "true"),
                        List.of("20073", "false", "false"));
    }

    @Test
    @Order(2)
    void firstLoadCountsWhatItReadLoadedAndQuarantined() {
        LoadSummary s = first.summary();
        assertThat(s.returnsLoaded()).isEqualTo(3);
        assertThat(s.rowsRead()).isEqualTo(18);
        assertThat(s.rowsLoaded()).isEqualTo(14);
        assertThat(s.rowsQuarantined()).isEqualTo(4);
        assertThat(first.output()).contains("returns/2007-08-Q2/indicators.csv", "3 quarantined", "committed lake batch b000001");
    }

    @Test
    @Order(3)
    void quarantineNamesFileLineColumnAndReasonAndKeepsTheRawRow() throws Exception {
        assertThat(rows(data, "select source_file, line, column_name, reason, raw_line from meta_quarantine order by source_file, line"))
                .containsExactly(
                        List.of("returns/2007-08-Q2/indicators.csv", "7", "indicator_ref",
                                "unknown indicator 'T 9.9': not in definitions/indicators.csv", "T 9.9,2007/08 Q2,,5,GREEN,,,,X"),
                        List.of("returns/2007-08-Q2/indicators.csv", "8", "period",
                                "Unrecognised period '2007/08 Q5': quarter 5 does not exist (a financial year has quarters 1 to 4); "
                                        + "expected a UK financial quarter such as 2007/08 Q1, Q1 2007/08, Q1 07-08, 2007-08-Q1, "
                                        + "2007-08;Q1, Quarter 1 2007/08 or the key 20071",
                                "T 1.2,2007/08 Q5,,46,GREEN,,,,B Singh"),
                        List.of("returns/2007-08-Q2/indicators.csv", "9", "actual",
                                "actual 'abc' is not a number (leave it blank when there is no figure)",
                                "T 1.1,2007/08 Q2,North,abc,,,,,A Carter"),
                        List.of("returns/2007-08-Q3/indicators.csv", "4", "null", "duplicate of line 3",
                                "T 1.2,2007/08 Q3,,46,GREEN,,,,B Singh"));
    }

    @Test
    @Order(4)
    void restatedFigureKeepsBothVersionsWithLineage() throws Exception {
        assertThat(rows(data, """
                select return_period_key, revision, is_latest, is_as_reported, actual, source_file, source_line
                from fact_indicator_return f join dim_area a using (area_key)
                where indicator_ref = 'T 1.1' and period_key = 20071 and a.is_whole_authority order by revision"""))
                .containsExactly(
                        List.of("20071", "1", "false", "true", "112.0", "returns/2007-08-Q1/indicators.csv", "2"),
                        List.of("20072", "2", "true", "false", "110.0", "returns/2007-08-Q2/indicators.csv", "3"));
        assertThat(rows(data, """
                select basis, actual, gap from v_trajectory_gap
                where indicator_ref = 'T 1.1' and period_key = 20071 and area_code = '' order by basis"""))
                .containsExactly(List.of("as-reported", "112.0", "2.0"), List.of("latest", "110.0", "0.0"));
        assertThat(value(data, "select count(distinct source_sha256) from fact_indicator_return")).isEqualTo("2");
    }

    @Test
    @Order(5)
    void typeTwoRegisterChangeMakesANewVersionFromItsQuarter() throws Exception {
        assertThat(rows(data, """
                select version, title, valid_from_key, valid_to_key, is_current from dim_indicator
                where indicator_ref = 'T 1.3' order by version"""))
                .containsExactly(List.of("1", "New business starts", "20071", "20073", "false"),
                        List.of("2", "New business starts (all sectors)", "20073", "null", "true"));
    }

    @Test
    @Order(6)
    void trajectoryIsExplicitWhereGivenElseLinearAndCumulativeProfilesTheAnnualTarget() throws Exception {
        assertThat(rows(data, """
                select indicator_ref, period_key, planned_value, stretch_planned_value, reward_threshold, is_explicit
                from fact_trajectory where indicator_ref in ('T 1.1', 'T 1.3') and period_key in (20071, 20072) order by 1, 2"""))
                .containsExactly(
                        // T 1.1: 100 -> 180 over eight quarters (+10 a quarter); Q2 given as 120 in trajectories.csv.
                        // Stretch 100 -> 200 (+12.5 a quarter); reward = 100 + 0.6 x (stretch - 100).
                        List.of("T 1.1", "20071", "110.0", "112.5", "107.5", "false"),
                        List.of("T 1.1", "20072", "120.0", "125.0", "115.0", "true"),
                        // T 1.3: cumulative, annual target 480 for 2007/08, profiled q/4.
                        List.of("T 1.3", "20071", "120.0", "null", "null", "false"),
                        List.of("T 1.3", "20072", "240.0", "null", "null", "false"));
    }

    @Test
    @Order(7)
    void indicatorWithoutTargetIsNoTargetAndLeftOutOfShares() throws Exception {
        assertThat(rows(data, """
                select period, rating, indicators, round(share, 4) from v_comparison
                where basis = 'latest' and theme = 'Totals' and area_code = '' order by period, rating"""))
                .containsExactly(
                        List.of("2007/08 Q1", "AMBER", "1", "0.3333"), List.of("2007/08 Q1", "GREEN", "2", "0.6667"),
                        List.of("2007/08 Q1", "NO_TARGET", "1", "null"),
                        List.of("2007/08 Q2", "AMBER", "1", "0.3333"), List.of("2007/08 Q2", "GREEN", "2", "0.6667"),
                        List.of("2007/08 Q2", "NO_TARGET", "1", "null"));
    }

    @Test
    @Order(8)
    void firstLoadsSummarySaysWhatItReadLoadedQuarantinedAndPublished(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("summary.json");
        first.summary().toReport(landing, data).write(file);
        LoadReport s = LoadReport.read(file);

        assertThat(s.outcome()).isEqualTo(Outcome.PUBLISHED);
        assertThat(s.snapshotVersion()).isEqualTo(1);
        assertThat(s.batchId()).isEqualTo("b000001");
        assertThat(s.returnsLoaded()).isEqualTo(3);
        assertThat(s.returnsUnchanged()).isZero();
        assertThat(s.rowsRead()).isEqualTo(18);
        assertThat(s.rowsLoaded()).isEqualTo(14);
        assertThat(s.rowsQuarantined()).isEqualTo(4);
        assertThat(s.topQuarantineReasons()).hasSize(4).extracting(ReasonCount::rows).containsOnly(1L);
        assertThat(s.topQuarantineReasons()).extracting(ReasonCount::reason).contains("duplicate of line 3");
        assertThat(s.latestPeriod()).isEqualTo("2007/08 Q2");
        assertThat(s.factRows()).isEqualTo(Long.parseLong(value(data, "select count(*) from fact_indicator_return")));
        assertThat(Path.of(s.snapshotFile())).isEqualTo(TestLoads.current(data).file().toAbsolutePath());
        assertThat(s.timings()).containsOnlyKeys("scan", "definitions", "spark", "returns", "lake", "publish");
        assertThat(s.publishSteps()).containsKeys("00_macros", "04_facts", "07_views");
        assertThat(s.tookMillis()).isGreaterThanOrEqualTo(s.timings().values().stream().mapToLong(Long::longValue).sum());
        assertThat(s.error()).isNull();
    }

    @Test
    @Order(8)
    void firstLoadsSummaryNamesTheQuarterHeldBackForWantOfSignOff() throws Exception {
        assertThat(first.summary().toReport(landing, data).quartersHeldBack()).singleElement().satisfies(q -> {
            assertThat(q.period()).isEqualTo("2007/08 Q3");
            assertThat(q.folder()).isEqualTo("returns/2007-08-Q3");
            assertThat(q.reason()).contains("not signed off", "signoff.json", "--provisional");
        });
        assertThat(value(data, "select count(*) from fact_indicator_return where return_period_key = 20073"))
                .as("and indeed not published").isEqualTo("0");
        assertThat(first.output()).contains("held back 2007/08 Q3");
    }

    @Test
    @Order(9)
    void aLoadWithNothingNewSummarisesAsUnchanged() throws Exception {
        LoadReport s = TestLoads.run(TestLoads.options(landing, data)).summary().toReport(landing, data);

        assertThat(s.outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(s.snapshotVersion()).isEqualTo(1);
        assertThat(s.batchId()).isNull();
        assertThat(s.returnsUnchanged()).isEqualTo(3);
        assertThat(s.rowsRead()).isZero();
        assertThat(s.timings()).containsOnlyKeys("scan", "publish");
        assertThat(s.publishSteps()).isEmpty();
        assertThat(s.quartersHeldBack()).extracting(HeldBackQuarter::period).containsExactly("2007/08 Q3");
    }

    @Test
    @Order(10)
    void loadingAgainWithNothingNewChangesNothing() throws Exception {
        long batches = Files.list(data.resolve("lake/_batches")).count();
        TestLoads.Result again = TestLoads.run(TestLoads.options(landing, data));
        assertThat(again.summary().batchId()).isNull();
        assertThat(again.summary().published().changed()).isFalse();
        assertThat(again.summary().published().snapshot().version()).isEqualTo(1);
        assertThat(again.output()).contains("nothing new").doesNotContain("start Spark");
        assertThat(Files.list(data.resolve("lake/_batches")).count()).isEqualTo(batches);
    }

    @Test
    @Order(11)
    void provisionalPublishesTheUnsignedQuarterMarkedProvisional() throws Exception {
        TestLoads.Result r = TestLoads.run(TestLoads.provisional(landing, data));
        assertThat(r.summary().batchId()).as("no new data, only a new view of it").isNull();
        assertThat(r.summary().published().snapshot().version()).isEqualTo(2);
        assertThat(rows(data, "select period_key, actual, is_provisional from fact_indicator_return where return_period_key = 20073 order by 1, 2"))
                .containsExactly(List.of("20073", "46.0", "true"), List.of("20073", "125.0", "true"), List.of("20073", "330.0", "true"));
        assertThat(value(data, "select count(*) from fact_indicator_return where return_period_key < 20073 and is_provisional"))
                .as("only T 1.3's PROVISIONAL figure in Q2").isEqualTo("1");
        assertThat(value(data, "select is_provisional from meta_return where return_period_key = 20073")).isEqualTo("true");
    }

    @Test
    @Order(12)
    void signingOffAQuarterLoadsOnlyThatReturn() throws Exception {
        Files.writeString(landing.resolve("returns/2007-08-Q3/signoff.json"),
                "{\"period\": \"Q3 2007/08\", \"signed_off_by\": \"Theme leads\", \"signed_off_at\": \"2008-01-25T09:30:00Z\"}");
        TestLoads.Result r = TestLoads.run(TestLoads.options(landing, data));
        assertThat(r.summary().returnsLoaded()).isEqualTo(1);
        assertThat(r.summary().returnsUnchanged()).isEqualTo(2);
        assertThat(r.summary().rowsRead()).isEqualTo(4);
        assertThat(r.summary().published().snapshot().version()).isEqualTo(3);
        assertThat(r.summary().published().latestPeriod()).isEqualTo("2007/08 Q3");
        assertThat(value(data, "select count(*) from fact_indicator_return where is_provisional")).isEqualTo("1");
        assertThat(rows(data, "select signed_off_by, loads from meta_return where return_period_key = 20073"))
                .containsExactly(List.of("Theme leads", "1"));
        // Reloading Q3 with a new sign-off is the same data: no duplicate facts, no new revision.
        assertThat(value(data, "select count(*) from fact_indicator_return where return_period_key = 20073")).isEqualTo("3");
        assertThat(value(data, "select count(*) from meta_quarantine")).isEqualTo("4");
    }
}
