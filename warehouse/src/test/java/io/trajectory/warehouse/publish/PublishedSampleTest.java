package io.trajectory.warehouse.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.trajectory.warehouse.snapshot.SnapshotStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@link Publisher} puts in a snapshot of the sample lake ({@link LakeFixture#commitSampleLoad()}):
 * published once with the default options and once including provisional returns, then only read.
 */
class PublishedSampleTest {

    @TempDir
    static Path dir;

    private static PublishResult signedOff;
    private static PublishResult provisional;
    private static Connection signedOffDb;
    private static Connection provisionalDb;

    @BeforeAll
    static void publishTheSampleLake() throws SQLException {
        LakeFixture lake = new LakeFixture(dir.resolve("lake"));
        lake.commitSampleLoad();
        Publisher publisher = new Publisher(m -> { });
        signedOff = publisher.publish(lake.lake(), SnapshotStore.at(dir.resolve("data")), PublishOptions.defaults());
        provisional = publisher.publish(lake.lake(), SnapshotStore.at(dir.resolve("data-provisional")),
                new PublishOptions(true, false, 5));
        signedOffDb = DriverManager.getConnection(signedOff.snapshot().readOnlyUrl());
        provisionalDb = DriverManager.getConnection(provisional.snapshot().readOnlyUrl());
    }

    @AfterAll
    static void close() throws SQLException {
        signedOffDb.close();
        provisionalDb.close();
    }

    @Test
    void publish_loadsEveryDimensionAndFactOfTheSignedOffReturns() throws SQLException {
        Connection db = signedOffDb;

        assertThat(count(db, "dim_indicator")).isEqualTo(3);
        assertThat(rows(db, "select theme_name from dim_theme order by theme_key")).containsExactly("Children", "Safer");
        assertThat(rows(db, "select area_code || '|' || is_whole_authority from dim_area order by area_key"))
                .containsExactly("|true", "NORTH|false");
        assertThat(rows(db, "select officer_name from dim_officer order by 1"))
                .containsExactly("A. Officer", "B. Officer", "C. Officer");
        assertThat(rows(db, "select min(label) || ' to ' || max(label) from dim_period"))
                .containsExactly("2006/07 Q4 to 2008/09 Q4");
        assertThat(count(db, "dim_rating")).as("seven ratings and Not due").isEqualTo(8);
        assertThat(count(db, "fact_indicator_return")).isEqualTo(8);
        // three indicators planned from 2007/08 Q1 to their target quarter, 2008/09 Q4
        assertThat(count(db, "fact_trajectory")).isEqualTo(3 * 8);
        assertThat(rows(db, "select source || ' ' || count(*) from dim_plan group by source")).containsExactly("register 3");
        assertThat(rows(db, "select period_key || ' ' || rating || ' ' || coalesce(recorded_previous_rating, '-') "
                + "from fact_commitment_return order by period_key"))
                .containsExactly("20071 GREEN -", "20072 AMBER GREEN");
        assertThat(rows(db, "select snapshot_version || ' ' || batches || ' ' || include_provisional || ' ' "
                + "|| latest_period_key || ' ' || rows_loaded from meta_refresh"))
                .containsExactly("1 b000001 false 20072 8");
    }

    @Test
    void publish_givesEveryTableAUniqueKey() throws SQLException {
        Connection db = provisionalDb;

        for (String[] key : new String[][] {
                {"dim_period", "period_key"}, {"dim_theme", "theme_key"}, {"dim_area", "area_key"},
                {"dim_officer", "officer_key"}, {"dim_rating", "rating_code"}, {"dim_indicator", "indicator_key"},
                {"dim_indicator", "indicator_ref, version"}, {"dim_commitment", "commitment_key"},
                {"fact_indicator_return", "indicator_ref, area_key, period_key, revision"},
                {"fact_trajectory", "indicator_ref, area_key, period_key"},
                {"dim_plan", "plan_key"}, {"dim_plan", "indicator_ref, area_key, valid_from_key"},
                {"fact_commitment_return", "commitment_key, period_key"},
                {"meta_return", "return_period_key"},
                {"mart_indicator_quarter", "basis, indicator_ref, area_key, period_key"}}) {
            assertThat(scalar(db, "select count(*) - count(distinct (" + key[1] + ")) from " + key[0]))
                    .as("duplicate %s in %s", key[1], key[0]).isZero();
        }
    }

    @Test
    void publish_leavesNoFactWhoseKeysDoNotResolve() throws SQLException {
        Connection db = provisionalDb;

        String[] orphans = {
                "select count(*) from fact_indicator_return f anti join dim_indicator i using (indicator_key)",
                "select count(*) from fact_indicator_return f anti join dim_area a using (area_key)",
                "select count(*) from fact_indicator_return f anti join dim_period p using (period_key)",
                "select count(*) from fact_indicator_return f anti join dim_period p on p.period_key = f.return_period_key",
                "select count(*) from fact_indicator_return f anti join dim_rating r on r.rating_code = f.reported_rating",
                "select count(*) from fact_indicator_return f anti join dim_indicator i "
                        + "on i.indicator_key = f.indicator_key and i.indicator_ref = f.indicator_ref",
                "select count(*) from fact_trajectory f anti join dim_indicator i using (indicator_key)",
                "select count(*) from fact_trajectory f anti join dim_period p using (period_key)",
                "select count(*) from fact_trajectory f anti join dim_area a using (area_key)",
                "select count(*) from fact_trajectory f anti join dim_plan p using (plan_key)",
                "select count(*) from dim_plan p anti join dim_area a using (area_key)",
                "select count(*) from fact_commitment_return f anti join dim_commitment c using (commitment_key)",
                "select count(*) from fact_commitment_return f anti join dim_period p using (period_key)",
                "select count(*) from dim_indicator i anti join dim_theme t using (theme_key)",
                "select count(*) from mart_indicator_quarter m anti join dim_indicator i using (indicator_key)",
                "select count(*) from mart_indicator_quarter m anti join dim_area a using (area_key)",
                "select count(*) from mart_indicator_quarter m anti join dim_period p using (period_key)",
        };
        for (String sql : orphans) {
            assertThat(scalar(db, sql)).as(sql).isZero();
        }
        assertThat(count(db, "fact_indicator_return")).isEqualTo(10);
    }

    @Test
    void publish_keepsARestatedFigureAsASecondRevisionMarkedLatest() throws SQLException {
        Connection db = signedOffDb;

        assertThat(rows(db, """
                select revision || ' ' || actual || ' ' || return_period_key || ' ' || is_latest || ' ' || is_as_reported
                from fact_indicator_return f join dim_area a using (area_key)
                where indicator_ref = 'NI-1' and period_key = 20071 and a.is_whole_authority
                order by revision"""))
                .containsExactly("1 110.0 20071 false true", "2 112.0 20072 true false");
        assertThat(scalar(db, """
                select count(*) from fact_indicator_return
                where revision = 1 and is_latest and is_as_reported""")).isEqualTo(6);
    }

    @Test
    void publish_answersBothBasesFromTheRevisions() throws SQLException {
        Connection db = signedOffDb;

        assertThat(rows(db, """
                select basis || ' ' || actual || ' ' || revision from v_trend
                where indicator_ref = 'NI-1' and area_code = '' and period_key = 20071 order by basis"""))
                .containsExactly("as-reported 110.0 1", "latest 112.0 2");
    }

    @Test
    void publish_leavesAReturnThatIsNotSignedOffOut() throws SQLException {
        Connection db = signedOffDb;

        assertThat(scalar(db, "select count(*) from fact_indicator_return where return_period_key = 20073")).isZero();
        assertThat(scalar(db, "select count(*) from fact_commitment_return where period_key = 20073")).isZero();
        assertThat(scalar(db, "select count(*) from fact_indicator_return where is_provisional")).isZero();
        assertThat(scalar(db, "select max(period_key) from mart_indicator_quarter")).isEqualTo(20072);
        assertThat(rows(db, "select is_signed_off || ' ' || is_published || ' ' || is_provisional from meta_return "
                + "where return_period_key = 20073")).containsExactly("false false false");
    }

    @Test
    void publish_withIncludeProvisionalPublishesTheUnsignedReturnMarkedProvisional() throws SQLException {
        PublishResult result = provisional;
        Connection db = provisionalDb;

        assertThat(result.factRows()).isEqualTo(10);
        assertThat(result.latestPeriod()).isEqualTo("2007/08 Q3");
        assertThat(rows(db, """
                select return_period_key, bool_and(is_provisional), bool_or(is_provisional)
                from fact_indicator_return group by return_period_key order by 1"""))
                .containsExactly("20071|false|false", "20072|false|false", "20073|true|true");
        assertThat(rows(db, "select is_published || ' ' || is_provisional from meta_return where return_period_key = 20073"))
                .containsExactly("true true");
        assertThat(rows(db, "select rating || ' ' || is_provisional from fact_commitment_return where period_key = 20073"))
                .containsExactly("RED true");
        assertThat(rows(db, "select distinct is_provisional from v_trend where period_key = 20073 and actual is not null"))
                .containsExactly("true");
        assertThat(rows(db, "select include_provisional from meta_refresh")).containsExactly("true");
    }

    @Test
    void comparison_sharesOfRatingsWithDataSumToOneForEveryThemeQuarterAndArea() throws SQLException {
        Connection db = provisionalDb;

        List<String> sums = rows(db, """
                select basis || ' ' || period || ' ' || theme || ' ' || coalesce(area_code, '(all)') || ' '
                       || round(sum(share), 12)
                from v_comparison
                where rating in ('GREEN', 'AMBER', 'RED', 'ACHIEVED')
                group by basis, period, theme, area_code""");
        assertThat(sums).hasSizeGreaterThan(10).allSatisfy(s -> assertThat(s).endsWith(" 1.0"));
    }

    @Test
    void comparison_followsTheShareRuleForAThemeAndQuarter() throws SQLException {
        Connection db = signedOffDb;

        // Children, whole authority: Q1 NI-1 GREEN and NI-3 RED; Q2 NI-1 GREEN and NI-3 not available.
        assertThat(rows(db, """
                select period || ' ' || rating || ' ' || indicators || ' ' || share from v_comparison
                where basis = 'latest' and theme = 'Children' and area_code = '' order by period, rating"""))
                .containsExactly(
                        "2007/08 Q1 GREEN 1 0.5", "2007/08 Q1 RED 1 0.5",
                        "2007/08 Q2 GREEN 1 1.0", "2007/08 Q2 NOT_AVAILABLE 1 0.5");
        assertThat(Double.parseDouble(rows(db, """
                select share from v_comparison
                where basis = 'latest' and theme = 'Totals' and area_code is null and period_key = 20071
                  and rating = 'GREEN'""").get(0)))
                .isCloseTo(0.5, within(1e-12));
    }

    private static List<String> rows(Connection c, String sql) throws SQLException {
        return PublisherTest.rows(c, sql);
    }

    private static long scalar(Connection c, String sql) throws SQLException {
        return Long.parseLong(rows(c, sql).get(0));
    }

    private static long count(Connection c, String table) throws SQLException {
        return scalar(c, "select count(*) from " + table);
    }
}
