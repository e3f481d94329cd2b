package io.trajectory.etl.sample;

import io.trajectory.etl.job.TestLoads;
import io.trajectory.warehouse.indicator.Accumulation;
import io.trajectory.warehouse.indicator.Polarity;
import io.trajectory.warehouse.period.FiscalQuarter;
import io.trajectory.warehouse.query.Basis;
import io.trajectory.warehouse.query.GapRow;
import io.trajectory.warehouse.query.TrajectoryGapQuery;
import io.trajectory.warehouse.rating.Rating;
import io.trajectory.warehouse.rating.RatingRule;
import io.trajectory.warehouse.rating.TrajectoryRatingRule;
import io.trajectory.warehouse.trajectory.Direction;
import io.trajectory.warehouse.trajectory.DirectionRule;
import io.trajectory.warehouse.trajectory.Gap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import static io.trajectory.etl.job.TestLoads.rows;
import static io.trajectory.etl.job.TestLoads.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The bundled sample agreement, loaded for real, against the published "Indicator Risk Summary
 * Quarter 1 2007-08" (shared/seeds/q1-2007-08-risk-summary.txt): per theme, the Green, Amber,
 * Red and not-available counts for 2006/07 Q4 and 2007/08 Q1, and the shares under the share rule.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SampleAgreementTest {

    /** The published table: theme -> {green Q4, green Q1, amber Q4, amber Q1, red Q4, red Q1, n/a Q4, n/a Q1}. */
    static final Map<String, int[]> PUBLISHED = new LinkedHashMap<>();

    static {
        PUBLISHED.put("Children and Young People", new int[] {27, 29, 7, 9, 1, 1, 1, 3});
        PUBLISHED.put("Cleaner and Greener", new int[] {7, 7, 4, 7, 0, 0, 3, 3});
        PUBLISHED.put("Economic Development", new int[] {4, 4, 3, 2, 0, 1, 4, 4});
        PUBLISHED.put("Health", new int[] {7, 9, 3, 1, 2, 2, 0, 0});
        PUBLISHED.put("Older People", new int[] {2, 4, 4, 3, 3, 2, 2, 2});
        PUBLISHED.put("Safer", new int[] {9, 11, 2, 1, 5, 6, 8, 7});
        PUBLISHED.put("Stronger", new int[] {7, 16, 0, 2, 2, 2, 11, 0});
    }

    static final String[] RATINGS = {"GREEN", "AMBER", "RED", "NOT_AVAILABLE"};

    Path data;

    @BeforeAll
    void loadSample(@TempDir Path tmp) throws Exception {
        data = tmp.resolve("data");
        TestLoads.run(TestLoads.options(TestLoads.sampleLanding(), data));
    }

    @Test
    void embeddedTableIsTheSeedsTable() throws IOException {
        Optional<Path> seed = seed();
        org.junit.jupiter.api.Assumptions.assumeTrue(seed.isPresent(), "shared/seeds not beside the project");
        for (String line : Files.readAllLines(seed.get(), StandardCharsets.UTF_8)) {
            String[] cells = line.split("\t");
            if (PUBLISHED.containsKey(cells[0].strip())) {
                int[] published = new int[8];
                for (int i = 0; i < 8; i++) {
                    published[i] = Integer.parseInt(cells[i + 1].strip());
                }
                assertThat(published).as(cells[0]).containsExactly(PUBLISHED.get(cells[0].strip()));
            }
        }
    }

    @Test
    void everyThemesCountsForBothQuartersAreThePublishedOnes() throws Exception {
        for (Map.Entry<String, int[]> theme : PUBLISHED.entrySet()) {
            int[] p = theme.getValue();
            for (int r = 0; r < RATINGS.length; r++) {
                assertThat(count(theme.getKey(), 20064, RATINGS[r])).as("%s %s 2006/07 Q4", theme.getKey(), RATINGS[r]).isEqualTo(p[2 * r]);
                assertThat(count(theme.getKey(), 20071, RATINGS[r])).as("%s %s 2007/08 Q1", theme.getKey(), RATINGS[r]).isEqualTo(p[2 * r + 1]);
            }
        }
    }

    @Test
    void totalsAndSharesFor200607Q4AreThePublishedOnes() throws Exception {
        // Published: 63 (63.6%), 23 (23.2%), 13 (13.1%), 29 (22.65%): G/A/R shares of the 99 with
        // data, not-available share of all 128 counted. The source truncates, so we do too.
        assertThat(count("Totals", 20064, "GREEN")).isEqualTo(63);
        assertThat(count("Totals", 20064, "AMBER")).isEqualTo(23);
        assertThat(count("Totals", 20064, "RED")).isEqualTo(13);
        assertThat(count("Totals", 20064, "NOT_AVAILABLE")).isEqualTo(29);
        assertThat(truncatedPercent("Totals", 20064, "GREEN", 1)).isEqualTo("63.6");
        assertThat(truncatedPercent("Totals", 20064, "AMBER", 1)).isEqualTo("23.2");
        assertThat(truncatedPercent("Totals", 20064, "RED", 1)).isEqualTo("13.1");
        assertThat(truncatedPercent("Totals", 20064, "NOT_AVAILABLE", 2)).isEqualTo("22.65");
    }

    @Test
    void totalsFor200708Q1FollowTheThemeRowsWhereThePublishedTotalDisagreesWithThem() throws Exception {
        // The published theme rows for 2007/08 Q1 add up to 14 red, but its Totals row prints 12
        // (and percentages over 117 = 80 + 25 + 12). The warehouse adds up the theme rows.
        int redFromThemes = PUBLISHED.values().stream().mapToInt(p -> p[5]).sum();
        assertThat(redFromThemes).isEqualTo(14);
        assertThat(count("Totals", 20071, "GREEN")).isEqualTo(80);
        assertThat(count("Totals", 20071, "AMBER")).isEqualTo(25);
        assertThat(count("Totals", 20071, "RED")).isEqualTo(redFromThemes);
        assertThat(count("Totals", 20071, "NOT_AVAILABLE")).isEqualTo(19);
        // Shares under the same rule: 80 of 119 with data; 19 of 138 counted.
        assertThat(truncatedPercent("Totals", 20071, "GREEN", 2)).isEqualTo("67.22");
        assertThat(truncatedPercent("Totals", 20071, "NOT_AVAILABLE", 2)).isEqualTo("13.76");
    }

    @Test
    void sharesOfRatingsWithDataSumToOneForEveryThemeAndQuarter() throws Exception {
        for (List<String> row : rows(data, """
                select basis || ' ' || theme, period, sum(share) from v_comparison
                where area_code = '' and rating in ('GREEN', 'AMBER', 'RED', 'ACHIEVED')
                group by all""")) {
            assertThat(Double.parseDouble(row.get(2))).as(row.toString()).isCloseTo(1.0, within(1e-9));
        }
    }

    @Test
    void keysAreUniqueAndForeignKeysResolve() throws Exception {
        assertThat(value(data, "select count(*) - count(distinct (indicator_ref, area_key, period_key, return_period_key, batch_id)) from fact_indicator_return")).isEqualTo("0");
        assertThat(value(data, "select count(*) from fact_indicator_return where is_latest")).isEqualTo(
                value(data, "select count(distinct (indicator_ref, area_key, period_key)) from fact_indicator_return"));
        assertThat(value(data, "select count(*) - count(distinct (basis, indicator_ref, area_key, period_key)) from mart_indicator_quarter")).isEqualTo("0");
        assertThat(value(data, """
                select count(*) from fact_indicator_return f
                left join dim_indicator i using (indicator_key) left join dim_area a using (area_key)
                left join dim_period p on p.period_key = f.period_key left join dim_period r on r.period_key = f.return_period_key
                where i.indicator_key is null or a.area_key is null or p.period_key is null or r.period_key is null""")).isEqualTo("0");
        assertThat(value(data, """
                select count(*) from fact_indicator_return f join dim_indicator i using (indicator_key)
                where f.period_key < i.valid_from_key or (i.valid_to_key is not null and f.period_key >= i.valid_to_key)"""))
                .as("each figure joins the indicator version in force for its quarter").isEqualTo("0");
        assertThat(value(data, "select count(*) from fact_commitment_return f left join dim_commitment c using (commitment_key) where c.commitment_key is null")).isEqualTo("0");
    }

    @Test
    void sampleHasTheFeaturesItPromises() throws Exception {
        assertThat(Integer.parseInt(value(data, "select count(distinct indicator_ref) from dim_indicator"))).isGreaterThanOrEqualTo(130);
        assertThat(value(data, "select count(*) from dim_theme")).isEqualTo("7");
        assertThat(value(data, "select count(*) from dim_area where not is_whole_authority")).isEqualTo("7");
        assertThat(value(data, "select min(period_key) || '..' || max(period_key) from fact_indicator_return")).isEqualTo("20061..20082");
        assertThat(Integer.parseInt(value(data, "select count(*) from fact_indicator_return where revision > 1"))).isGreaterThanOrEqualTo(2);
        assertThat(value(data, "select count(distinct polarity) || ',' || count(distinct accumulation) from dim_indicator")).isEqualTo("2,2");
        assertThat(value(data, "select count(*) from meta_return where is_signed_off")).isEqualTo("10");
        assertThat(value(data, "select count(*) from meta_quarantine")).isEqualTo("0");
    }

    @Test
    void commitmentsShowWhereTheStatedPreviousRatingDisagreesWithLastQuartersReport() throws Exception {
        assertThat(rows(data, """
                select c.commitment_ref, f.rating, f.stated_previous_rating, f.recorded_previous_rating
                from fact_commitment_return f join dim_commitment c using (commitment_key)
                where f.period_key = 20082 and f.stated_previous_period_key = 20081
                  and f.stated_previous_rating <> f.recorded_previous_rating
                order by 1"""))
                .containsExactly(List.of("2. MTCS/ASC", "GREEN", "AMBER", "GREEN"),
                        List.of("2. MTCS/HLT", "RED", "GREEN", "AMBER"),
                        List.of("CPA Res 2", "AMBER", "GREEN", "AMBER"));
    }

    @Test
    void districtsAreMeasuredAgainstTheirOwnPlansAndADistrictWithoutOneHasNoGap() throws Exception {
        String sql = """
                select a.area_name, m.actual, m.planned_value, m.gap, m.target_value, m.has_plan,
                       coalesce(m.no_plan_reason, '-')
                from mart_indicator_quarter m join dim_area a using (area_key)
                where m.basis = 'latest' and m.indicator_ref = 'LAA 5.10' and m.period_key = 20082
                  and a.area_code in ('', 'Harnby', 'Whitmore Downs', 'Oakley Chase')
                order by a.area_code""";
        // Harnby's own plan: 1575 in 2005/06 Q4 to 1680 by 2008/09 Q4, so 1662.5 ten quarters in;
        // Oakley Chase's revised plan from 2008/09 Q1: 1280 in 2007/08 Q4 to 1360, so 1320 two quarters in.
        assertThat(rows(data, sql)).containsExactly(
                List.of("Whole authority", "10430.0", "10654.0", "-224.0", "10800.0", "true", "-"),
                List.of("Harnby BC", "1625.0", "1662.5", "-37.5", "1680.0", "true", "-"),
                List.of("Oakley Chase DC", "1321.0", "1320.0", "1.0", "1360.0", "true", "-"),
                List.of("Whitmore Downs DC", "1141.0", "null", "null", "null", "false", "no plan for Whitmore Downs DC"));
        assertThat(value(data, "select count(*) from dim_plan where source = 'area_targets'")).isEqualTo("12");
        assertThat(rows(data, "select g.group_name, g.members from dim_comparison_group g order by 1"))
                .containsExactly(List.of("Rural districts", "4"), List.of("Urban districts", "3"));
    }

    /**
     * The default computed rating agrees with the officers where councils' officers would: the
     * sample's officers call a figure a little behind its trajectory Amber, so a rule that only
     * allows Amber on a projected recovery flags nearly every Amber. The planted contradictions of
     * 2008/09 Q2 (rated Green while behind, or Red while ahead) are flagged by both.
     */
    @Test
    void defaultComputedRatingAgreesWithOfficersAndStillFlagsTheContradictions() throws Exception {
        FiscalQuarter q = FiscalQuarter.of(2008, 2);
        Map<String, int[]> agreement = new LinkedHashMap<>();
        List<String> flaggedByDefault = List.of();
        try (Connection c = DriverManager.getConnection(TestLoads.current(data).readOnlyUrl())) {
            int wholeAuthority = Integer.parseInt(value(data, "select area_key from dim_area where is_whole_authority"));
            for (RatingRule rule : List.of(TrajectoryRatingRule.of(0, 0), TrajectoryRatingRule.create())) {
                List<GapRow> rows = new TrajectoryGapQuery(rule, 4).gaps(c, q, null, Basis.LATEST, wholeAuthority);
                List<GapRow> rated = rows.stream().filter(r -> RATED.contains(r.reportedRating())).toList();
                int agree = (int) rated.stream().filter(r -> r.reportedRating() == r.computedRating()
                        || (r.reportedRating() == Rating.ACHIEVED && r.computedRating() == Rating.GREEN)).count();
                int flagged = (int) rows.stream().filter(GapRow::ratingsDisagree).count();
                agreement.put(rule.toString(), new int[] {agree, rated.size(), flagged});
                flaggedByDefault = rows.stream().filter(GapRow::ratingsDisagree).map(GapRow::indicator).toList();
                rows.stream().filter(r -> r.ratingsDisagree() && rule == TrajectoryRatingRule.create())
                        .forEach(r -> System.out.println("  " + rule + " flags "
                        + r.indicator() + ": officer " + r.reportedRating() + ", computed " + r.computedRating() + ": "
                        + r.computedRatingReason()));
            }
        }
        agreement.forEach((rule, a) -> System.out.printf("rating agreement 2008/09 Q2, %s: %d of %d officer ratings (%.1f%%), %d flagged%n",
                rule, a[0], a[1], 100.0 * a[0] / a[1], a[2]));
        int[] projectionOnly = agreement.get(TrajectoryRatingRule.of(0, 0).toString());
        int[] byDefault = agreement.get(TrajectoryRatingRule.create().toString());
        // measured: 26 flags and 121 of 147 (82.3%) on the projection alone; 15 and 132 (89.8%) by default
        // (14 and 133 with the planned-improvement tolerance alone, which misses Hart's real "a little below target")
        assertThat(projectionOnly[2]).isEqualTo(26);
        assertThat(byDefault[2]).as("flags with the default rule").isLessThanOrEqualTo(15);
        assertThat(100.0 * byDefault[0] / byDefault[1]).as("agreement with the default rule").isGreaterThanOrEqualTo(89.5);
        assertThat(flaggedByDefault).as("the planted contradictions")
                .contains("LAA 1.4.4", "LAA 2.1.2", "LAA 3.4.1", "LAA 7.2", "LAA 7.24");
    }

    static final List<Rating> RATED = List.of(Rating.GREEN, Rating.AMBER, Rating.RED, Rating.ACHIEVED);

    /** The SQL that publishes the mart must agree, row by row, with the Java rules it mirrors. */
    @Test
    void martGapsAndDirectionsAgreeWithTheDomainRulesOnEveryRow() throws Exception {
        List<List<String>> mart = rows(data, """
                select m.basis, m.indicator_ref, m.area_key, m.period_key, m.actual, m.planned_value, m.baseline_value,
                       m.gap, m.gap_share_of_planned_improvement, m.direction_vs_previous_quarter,
                       m.direction_vs_previous_quarter_reason, m.direction_vs_same_quarter_last_year,
                       m.direction_vs_same_quarter_last_year_reason, i.polarity, i.accumulation
                from mart_indicator_quarter m join dim_indicator i using (indicator_key)""");
        Map<String, Map<FiscalQuarter, Double>> series = new HashMap<>();
        for (List<String> r : mart) {
            if (!r.get(4).equals("null")) {
                series.computeIfAbsent(r.get(0) + "|" + r.get(1) + "|" + r.get(2), k -> new HashMap<>())
                        .put(FiscalQuarter.ofKey(Integer.parseInt(r.get(3))), Double.parseDouble(r.get(4)));
            }
        }
        int checked = 0;
        for (List<String> r : mart) {
            Map<FiscalQuarter, Double> s = series.getOrDefault(r.get(0) + "|" + r.get(1) + "|" + r.get(2), Map.of());
            FiscalQuarter q = FiscalQuarter.ofKey(Integer.parseInt(r.get(3)));
            Polarity pol = Polarity.parse(r.get(13));
            Accumulation acc = Accumulation.parse(r.get(14));
            java.util.function.Function<FiscalQuarter, OptionalDouble> actualFor =
                    x -> s.containsKey(x) ? OptionalDouble.of(s.get(x)) : OptionalDouble.empty();
            Direction prev = DirectionRule.vsPreviousQuarter(q, acc, pol, actualFor);
            Direction sqly = DirectionRule.vsSameQuarterLastYear(q, acc, pol, actualFor);
            assertThat(r.get(9)).as("direction vs previous %s", r).isEqualTo(String.valueOf(prev.direction()));
            assertThat(r.get(10)).as("reason vs previous %s", r).isEqualTo(String.valueOf(prev.reason()));
            assertThat(r.get(11)).as("direction vs last year %s", r).isEqualTo(String.valueOf(sqly.direction()));
            assertThat(r.get(12)).as("reason vs last year %s", r).isEqualTo(String.valueOf(sqly.reason()));
            Optional<Gap> gap = Gap.of(number(r.get(4)), number(r.get(5)), number(r.get(6)), pol);
            assertThat(gap.isPresent()).as("gap present %s", r).isEqualTo(!r.get(7).equals("null"));
            if (gap.isPresent()) {
                assertThat(Double.parseDouble(r.get(7))).as("gap %s", r).isCloseTo(gap.get().absolute(), within(1e-9));
                Double share = gap.get().shareOfPlannedImprovement();
                if (share == null) {
                    assertThat(r.get(8)).as("gap share %s", r).isEqualTo("null");
                } else {
                    assertThat(Double.parseDouble(r.get(8))).as("gap share %s", r).isCloseTo(share, within(1e-9));
                }
            }
            checked++;
        }
        assertThat(checked).isGreaterThan(3000);
        assertThat(value(data, "select count(*) from mart_indicator_quarter where isnan(slope_per_quarter)"))
                .as("a slope needs two actuals, never NaN").isEqualTo("0");
    }

    private int count(String theme, int periodKey, String rating) throws Exception {
        List<List<String>> r = rows(data, "select indicators from v_comparison where basis = 'as-reported' and area_code = ''"
                + " and theme = '" + theme + "' and period_key = " + periodKey + " and rating = '" + rating + "'");
        return r.isEmpty() ? 0 : Integer.parseInt(r.get(0).get(0));
    }

    private String truncatedPercent(String theme, int periodKey, String rating, int decimals) throws Exception {
        String share = value(data, "select share from v_comparison where basis = 'as-reported' and area_code = ''"
                + " and theme = '" + theme + "' and period_key = " + periodKey + " and rating = '" + rating + "'");
        return new BigDecimal(share).multiply(BigDecimal.valueOf(100)).setScale(decimals, RoundingMode.DOWN).toPlainString();
    }

    private static Double number(String s) {
        return s.equals("null") ? null : Double.parseDouble(s);
    }

    static Optional<Path> seed() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path p = dir.resolve("shared/seeds/q1-2007-08-risk-summary.txt");
            if (Files.exists(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
