package io.trajectory.etl.generate;

import io.trajectory.etl.generate.SyntheticLandingZone.Spec;
import io.trajectory.etl.job.TestLoads;
import io.trajectory.warehouse.period.FiscalQuarter;
import io.trajectory.warehouse.query.Basis;
import io.trajectory.warehouse.query.GapRow;
import io.trajectory.warehouse.query.TrajectoryGapQuery;
import io.trajectory.warehouse.rating.Rating;
import io.trajectory.warehouse.rating.RatingRuleConfig;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Set;

import static io.trajectory.etl.job.TestLoads.rows;
import static io.trajectory.etl.job.TestLoads.value;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A generated national zone loaded by the real ETL (Spark, then DuckDB publish): 12 authorities
 * with 3 districts each, 10 indicators, 6 quarters. The register's plan is nobody's: every
 * authority is measured against its own, some districts against theirs, and the comparison
 * groups are published.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratedZoneLoadTest {

    static final Spec SPEC = Spec.of(12, 10, 6).withDistricts(3);

    Path landing;
    Path data;

    @BeforeAll
    void generateAndLoad(@TempDir Path tmp) throws Exception {
        landing = tmp.resolve("landing");
        data = tmp.resolve("data");
        new SyntheticLandingZone(SPEC).write(landing);
        TestLoads.Result load = TestLoads.run(TestLoads.options(landing, data));
        assertThat(load.summary().rowsQuarantined()).as(load.output()).isZero();
        assertThat(value(data, "select count(*) from meta_quarantine")).isEqualTo("0");
    }

    @Test
    void everyAreaIsLoadedWithItsNameTypeAndParent() throws Exception {
        assertThat(rows(data, """
                select area_type, count(*), count(distinct (parent_area_key, area_name)), count(parent_area_key)
                from dim_area where not is_whole_authority group by 1 order by 1""")).containsExactly(
                List.of("authority", "12", "12", "0"),
                List.of("district", "36", "36", "36"));
        assertThat(value(data, """
                select count(*) from dim_area d join dim_area p on p.area_key = d.parent_area_key
                where d.area_type = 'district' and p.area_type = 'authority' and starts_with(d.area_code, p.area_code || '-D')"""))
                .isEqualTo("36");
    }

    @Test
    void theMartHasNoWholeAuthoritySeries() throws Exception {
        assertThat(value(data, """
                select count(*) from mart_indicator_quarter m join dim_area a using (area_key) where a.is_whole_authority"""))
                .isEqualTo("0");
        assertThat(value(data, """
                select count(*) from fact_indicator_return f join dim_area a using (area_key) where a.is_whole_authority"""))
                .isEqualTo("0");
    }

    @Test
    void everyAuthorityIsMeasuredAgainstItsOwnPlan() throws Exception {
        // every authority quarter of every indicator has a plan, and it is the authority's own from area_targets.csv
        assertThat(rows(data, """
                select count(*), count(p.plan_key), count(*) filter (where p.source = 'area_targets' and p.area_key = m.area_key)
                from mart_indicator_quarter m
                join dim_area a using (area_key)
                left join dim_plan p on p.plan_key = m.plan_key
                where a.area_type = 'authority'""")).containsExactly(List.of("1440", "1440", "1440"));
        // one plan (or two versions) per authority and indicator, and no two authorities share one
        assertThat(value(data, """
                select count(distinct (p.indicator_ref, p.area_key)) from dim_plan p join dim_area a using (area_key)
                where a.area_type = 'authority' and p.source = 'area_targets'""")).isEqualTo("120");
        assertThat(value(data, """
                select min(n) from (
                    select indicator_ref, count(distinct (baseline_value, target_value)) as n
                    from dim_plan p join dim_area a using (area_key)
                    where a.area_type = 'authority' and p.version = 1 and p.target_value is not null
                    group by indicator_ref)""")).isEqualTo("12");
        // the trajectory each authority is measured against is its own plan's
        assertThat(value(data, """
                select count(*) from fact_trajectory t join dim_plan p using (plan_key) join dim_area a on a.area_key = t.area_key
                where a.area_type = 'authority' and (p.source <> 'area_targets' or p.area_key <> t.area_key)"""))
                .isEqualTo("0");
    }

    @Test
    void districtsWithoutAPlanHaveNoGapAndThoseWithOneAreRatedOnIt() throws Exception {
        List<List<String>> byPlan = rows(data, """
                select m.has_plan, count(*), count(m.planned_value), count(m.gap), count(m.no_plan_reason)
                from mart_indicator_quarter m join dim_area a using (area_key)
                where a.area_type = 'district' and m.basis = 'latest'
                group by 1 order by 1""");
        assertThat(byPlan).hasSize(2);
        List<String> without = byPlan.get(0);
        List<String> with = byPlan.get(1);
        assertThat(without.get(0)).isEqualTo("false");
        assertThat(without.subList(2, 4)).containsExactly("0", "0");
        assertThat(without.get(4)).isEqualTo(without.get(1));
        assertThat(with.get(0)).isEqualTo("true");
        assertThat(Long.parseLong(with.get(2))).isEqualTo(Long.parseLong(with.get(1)) - noTargetRows("district"));
    }

    @Test
    void districtCountsAddUpToTheirAuthoritysFigure() throws Exception {
        // (figures per head and medians do not add up: they are left out)
        List<List<String>> sums = rows(data, """
                with parts as (
                    select m.basis, m.indicator_ref, m.period_key, d.parent_area_key as area_key,
                           sum(m.actual) as total, count(m.actual) as parts
                    from mart_indicator_quarter m join dim_area d using (area_key)
                    where d.area_type = 'district'
                    group by all
                )
                select count(*), count(*) filter (where abs(a.actual - p.total) > 1e-9)
                from mart_indicator_quarter a
                join parts p using (basis, indicator_ref, period_key, area_key)
                join dim_indicator i on i.indicator_key = a.indicator_key
                where i.unit in ('COUNT', 'MONEY') and i.title not like '%per %' and i.title not like 'Median%'
                  and a.actual is not null and p.parts = 3""");
        assertThat(Long.parseLong(sums.get(0).get(0))).as("authority figures checked").isGreaterThan(100);
        assertThat(sums.get(0).get(1)).as("authority figures that are not the sum of their districts'").isEqualTo("0");
    }

    @Test
    void comparisonGroupsArePublished() throws Exception {
        List<CSVRecord> members = csv(landing.resolve("definitions/comparison_groups.csv"));
        Set<String> groups = new java.util.TreeSet<>();
        members.forEach(m -> groups.add(m.get("group")));
        assertThat(rows(data, "select group_name from dim_comparison_group order by 1"))
                .extracting(r -> r.get(0)).containsExactlyElementsOf(groups);
        assertThat(value(data, "select count(*) from bridge_comparison_group_area")).isEqualTo(Integer.toString(members.size()));
        assertThat(rows(data, """
                select g.group_name, g.members from dim_comparison_group g where g.group_name like 'Nearest%'"""))
                .containsExactly(List.of("Nearest neighbours 01", "12"));
        assertThat(value(data, """
                select count(*) from (select area_key from bridge_comparison_group_area group by 1 having count(*) = 2)"""))
                .as("every authority in its nearest-neighbour group and its region").isEqualTo("12");
    }

    @Test
    void theComputedRatingAgreesWithMostOfficersRatings() throws Exception {
        TrajectoryGapQuery query = new TrajectoryGapQuery(RatingRuleConfig.defaults().create(),
                RatingRuleConfig.DEFAULT_TREND_QUARTERS);
        List<List<String>> areas = rows(data, """
                select area_key, area_type from dim_area where not is_whole_authority order by area_key""");
        long[] authority = new long[2];
        long[] district = new long[2];
        try (Connection c = DriverManager.getConnection(TestLoads.current(data).readOnlyUrl())) {
            for (int t = 0; t < SPEC.quarters(); t++) {
                FiscalQuarter period = SPEC.firstQuarter().plusQuarters(t);
                for (List<String> area : areas) {
                    long[] counts = area.get(1).equals("authority") ? authority : district;
                    for (GapRow row : query.gaps(c, period, null, Basis.LATEST, Integer.parseInt(area.get(0)))) {
                        if (row.computedRating() != null
                                && Set.of(Rating.GREEN, Rating.AMBER, Rating.RED, Rating.ACHIEVED).contains(row.reportedRating())) {
                            counts[0]++;
                            counts[1] += row.ratingsDisagree() ? 0 : 1;
                        }
                    }
                }
            }
        }
        double authorityAgreement = authority[1] / (double) authority[0];
        double districtAgreement = district[1] / (double) district[0];
        System.out.printf("generated zone: the computed rating agrees with %d of %d authority ratings (%.1f%%) "
                        + "and %d of %d district ratings (%.1f%%)%n", authority[1], authority[0], 100 * authorityAgreement,
                district[1], district[0], 100 * districtAgreement);
        assertThat(authority[0]).as("authority rows rated by officer and rule").isGreaterThan(600);
        assertThat(district[0]).as("district rows rated by officer and rule").isGreaterThan(200);
        assertThat(authorityAgreement).isGreaterThan(0.85);
        assertThat(districtAgreement).isGreaterThan(0.85);
        assertThat(authority[1]).as("officers sometimes see it otherwise").isLessThan(authority[0]);
    }

    /** Mart rows (latest basis) of areas of this type rated NO_TARGET: a plan whose target is not yet set. */
    private long noTargetRows(String areaType) throws Exception {
        return Long.parseLong(value(data, """
                select count(*) from mart_indicator_quarter m join dim_area a using (area_key)
                where a.area_type = '%s' and m.basis = 'latest' and m.has_plan and m.target_value is null"""
                .formatted(areaType)));
    }

    private static List<CSVRecord> csv(Path file) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
            return parser.getRecords();
        }
    }
}
