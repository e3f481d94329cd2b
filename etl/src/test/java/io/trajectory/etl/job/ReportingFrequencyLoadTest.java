package io.trajectory.etl.job;

import io.trajectory.warehouse.indicator.Accumulation;
import io.trajectory.warehouse.indicator.Polarity;
import io.trajectory.warehouse.indicator.ReportingFrequency;
import io.trajectory.warehouse.indicator.ReportingSchedule;
import io.trajectory.warehouse.period.FiscalQuarter;
import io.trajectory.warehouse.query.Basis;
import io.trajectory.warehouse.query.ComparisonQuery;
import io.trajectory.warehouse.query.DataGaps;
import io.trajectory.warehouse.query.GapRow;
import io.trajectory.warehouse.query.Subject;
import io.trajectory.warehouse.query.TrajectoryGapQuery;
import io.trajectory.warehouse.rating.QuarterRating;
import io.trajectory.warehouse.rating.Rating;
import io.trajectory.warehouse.rating.TrajectoryRatingRule;
import io.trajectory.warehouse.trajectory.Direction;
import io.trajectory.warehouse.trajectory.DirectionRule;
import io.trajectory.warehouse.trajectory.Trend;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Function;

import static io.trajectory.etl.job.TestLoads.rows;
import static io.trajectory.etl.job.TestLoads.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A register with annual, monthly and quarterly indicators ({@code landing-annual}), loaded for
 * real: an annual indicator with no figure outside its due quarter is NOT_DUE, left out of the
 * Not available count and of every share but counted on its own; one missing in its due quarter
 * is NOT_AVAILABLE; directions compare an annual figure with the same quarter last year only; its
 * recent trend is over its annual figures. F 2 is annual due in Q4 (the default), F 3 annual due
 * in Q2, F 4 monthly (a year-to-date count), F 1 quarterly; F 5's frequency is not one we know.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportingFrequencyLoadTest {

    Path data;

    @BeforeAll
    void load(@TempDir Path tmp) throws Exception {
        data = tmp.resolve("data");
        TestLoads.run(TestLoads.options(TestLoads.copy(TestLoads.resource("landing-annual"), tmp.resolve("landing")), data));
    }

    @Test
    void registerKeepsEachIndicatorsFrequencyAndDueQuarter() throws Exception {
        assertThat(rows(data, "select indicator_ref, frequency, coalesce(due_quarter::varchar, '-') from dim_indicator order by 1"))
                .containsExactly(List.of("F 1", "QUARTERLY", "-"), List.of("F 2", "ANNUAL", "4"),
                        List.of("F 3", "ANNUAL", "2"), List.of("F 4", "MONTHLY", "-"));
    }

    @Test
    void anUnknownFrequencyIsQuarantinedNamingFileLineAndColumnAndTheRestLoads() throws Exception {
        assertThat(rows(data, "select source_file, line, column_name, reason, raw_value from meta_quarantine"))
                .containsExactly(List.of("definitions/indicators.csv", "6", "frequency",
                        "Unrecognised frequency 'FORTNIGHTLY'; expected QUARTERLY, ANNUAL, MONTHLY or blank (QUARTERLY)",
                        "FORTNIGHTLY"));
    }

    @Test
    void anAnnualIndicatorWithNoFigureOutsideItsDueQuarterIsNotDue() throws Exception {
        // F 2 (due Q4): no row in Q1, a blank rating in Q2, NOT_AVAILABLE written in Q3, all "not due"
        assertThat(rows(data, """
                select period_key, rating from mart_indicator_quarter m join dim_area a using (area_key)
                where basis = 'as-reported' and a.is_whole_authority and indicator_ref = 'F 2' order by period_key"""))
                .containsExactly(List.of("20061", "NOT_DUE"), List.of("20062", "NOT_DUE"), List.of("20063", "NOT_DUE"),
                        List.of("20064", "GREEN"), List.of("20071", "NOT_DUE"),
                        // a figure given outside the due quarter (last year's, carried forward) is counted as given
                        List.of("20072", "GREEN"), List.of("20073", "NOT_DUE"), List.of("20074", "AMBER"),
                        List.of("20081", "NOT_DUE"));
        // F 3 (due Q2) missing in its due quarter is not available, until a later return restates it
        assertThat(rows(data, """
                select basis, rating from mart_indicator_quarter m join dim_area a using (area_key)
                where a.is_whole_authority and indicator_ref = 'F 3' and period_key = 20072 order by basis"""))
                .containsExactly(List.of("as-reported", "NOT_AVAILABLE"), List.of("latest", "AMBER"));
    }

    @Test
    void notDueIsCountedOnItsOwnAndLeftOutOfNotAvailableAndEveryShare() throws Exception {
        // 2007/08 Q1: F 1 green, F 4 (monthly) not available, F 2 and F 3 (annual) not due
        assertThat(rows(data, """
                select rating, indicators, coalesce(round(share, 4)::varchar, '-') from v_comparison
                where basis = 'as-reported' and area_code = '' and theme = 'Totals' and period_key = 20071
                order by rating"""))
                .containsExactly(List.of("GREEN", "1", "1.0"), List.of("NOT_AVAILABLE", "1", "0.5"),
                        List.of("NOT_DUE", "2", "-"));
        assertThat(rows(data, """
                select period_key, indicators from v_comparison
                where basis = 'as-reported' and area_code = '' and theme = 'Totals' and rating = 'NOT_DUE'
                order by period_key"""))
                .containsExactly(List.of("20061", "2"), List.of("20062", "1"), List.of("20063", "2"),
                        List.of("20064", "1"), List.of("20071", "2"), List.of("20073", "2"), List.of("20074", "1"),
                        List.of("20081", "2"));
    }

    @Test
    void comparisonSaysHowManyDataGapsAreDownToAnnualReporting() throws Exception {
        try (Connection c = DriverManager.getConnection(TestLoads.current(data).readOnlyUrl())) {
            List<DataGaps> gaps = DataGaps.ofComparison(new ComparisonQuery().compare(c, FiscalQuarter.of(2006, 4),
                    FiscalQuarter.of(2007, 1), Subject.INDICATORS, Basis.AS_REPORTED, areaKey()).rows());
            assertThat(gaps).containsExactly(
                    new DataGaps("2006/07 Q4", 0, 1, 1, "1 data gap in 2006/07 Q4: 0 not available and 1 not due this quarter (annual)."),
                    new DataGaps("2007/08 Q1", 1, 2, 3, "3 data gaps in 2007/08 Q1: 1 not available and 2 not due this quarter (annual)."));
        }
    }

    @Test
    void anAnnualIndicatorIsComparedWithTheSameQuarterLastYearOnly() throws Exception {
        assertThat(rows(data, """
                select period_key, coalesce(direction_vs_previous_quarter, '-'), direction_vs_previous_quarter_reason,
                       coalesce(direction_vs_same_quarter_last_year, '-'),
                       coalesce(direction_vs_same_quarter_last_year_reason, '-')
                from mart_indicator_quarter m join dim_area a using (area_key)
                where basis = 'latest' and a.is_whole_authority and indicator_ref = 'F 2' and period_key in (20073, 20074)
                order by period_key"""))
                .containsExactly(
                        List.of("20073", "-", "annual, due in Q4: compared with the same quarter last year only", "-",
                                "not due in 2007/08 Q3 (annual, due in Q4)"),
                        List.of("20074", "-", "annual, due in Q4: compared with the same quarter last year only",
                                "IMPROVING", "-"));
        assertThat(value(data, """
                select direction_vs_same_quarter_last_year from mart_indicator_quarter m join dim_area a using (area_key)
                where basis = 'latest' and a.is_whole_authority and indicator_ref = 'F 3' and period_key = 20072"""))
                .as("23.1 against 24, lower is better").isEqualTo("IMPROVING");
    }

    @Test
    void anAnnualIndicatorsTrendIsOverItsAnnualFigures() throws Exception {
        // 64 in 2006/07 Q4, 66 in 2007/08 Q4: 0.5 a quarter (over the four quarters' window it would
        // take last year's figure carried forward in 2007/08 Q2 and make it 1.0)
        assertThat(Double.parseDouble(value(data, """
                select slope_per_quarter from mart_indicator_quarter m join dim_area a using (area_key)
                where basis = 'latest' and a.is_whole_authority and indicator_ref = 'F 2' and period_key = 20074""")))
                .isCloseTo(0.5, within(1e-9));
        try (Connection c = DriverManager.getConnection(TestLoads.current(data).readOnlyUrl())) {
            Map<String, GapRow> gaps = new HashMap<>();
            new TrajectoryGapQuery(TrajectoryRatingRule.of(0, 0), 4).gaps(c, FiscalQuarter.of(2007, 4), null, Basis.LATEST,
                    areaKey()).forEach(g -> gaps.put(g.indicator(), g));
            assertThat(gaps.get("F 2").computedRatingReason()).contains("+0.5 a quarter");

            new TrajectoryGapQuery(TrajectoryRatingRule.create(), 4).gaps(c, FiscalQuarter.of(2007, 3), null, Basis.LATEST,
                    areaKey()).forEach(g -> gaps.put(g.indicator(), g));
            GapRow notDue = gaps.get("F 2");
            assertThat(notDue.reportedRating()).isEqualTo(Rating.NOT_DUE);
            assertThat(notDue.computedRating()).isEqualTo(Rating.NOT_DUE);
            assertThat(notDue.computedRatingReason()).isEqualTo("No figure is due for 2007/08 Q3 (annual, due in Q4).");
            assertThat(notDue.ratingsDisagree()).isFalse();
            assertThat(gaps.get("F 4").reportedRating()).as("monthly: due every quarter").isEqualTo(Rating.GREEN);
        }
    }

    /** The publish SQL mirrors the Java rules on every row: ratings, directions and their reasons, slopes. */
    @Test
    void martRatingsDirectionsAndSlopesAgreeWithTheDomainRulesOnEveryRow() throws Exception {
        List<List<String>> mart = rows(data, """
                select m.basis, m.indicator_ref, m.area_key, m.period_key, m.actual, m.rating, f.reported_rating,
                       m.direction_vs_previous_quarter, m.direction_vs_previous_quarter_reason,
                       m.direction_vs_same_quarter_last_year, m.direction_vs_same_quarter_last_year_reason,
                       m.slope_per_quarter, i.polarity, i.accumulation, i.frequency, i.due_quarter, m.is_due
                from mart_indicator_quarter m join dim_indicator i using (indicator_key)
                left join fact_indicator_return f
                  on f.indicator_ref = m.indicator_ref and f.area_key = m.area_key and f.period_key = m.period_key
                 and (case m.basis when 'latest' then f.is_latest else f.is_as_reported end)""");
        Map<String, Map<FiscalQuarter, Double>> series = new HashMap<>();
        for (List<String> r : mart) {
            if (!r.get(4).equals("null")) {
                series.computeIfAbsent(r.get(0) + "|" + r.get(1) + "|" + r.get(2), k -> new HashMap<>())
                        .put(FiscalQuarter.ofKey(Integer.parseInt(r.get(3))), Double.parseDouble(r.get(4)));
            }
        }
        for (List<String> r : mart) {
            Map<FiscalQuarter, Double> s = series.getOrDefault(r.get(0) + "|" + r.get(1) + "|" + r.get(2), Map.of());
            Function<FiscalQuarter, OptionalDouble> actualFor =
                    x -> s.containsKey(x) ? OptionalDouble.of(s.get(x)) : OptionalDouble.empty();
            FiscalQuarter q = FiscalQuarter.ofKey(Integer.parseInt(r.get(3)));
            Polarity pol = Polarity.parse(r.get(12));
            Accumulation acc = Accumulation.parse(r.get(13));
            ReportingSchedule schedule = ReportingSchedule.of(ReportingFrequency.parse(r.get(14)),
                    r.get(15).equals("null") ? null : Integer.parseInt(r.get(15)));
            Rating officer = r.get(6).equals("null") ? null : Rating.valueOf(r.get(6));

            assertThat(r.get(16)).as("due %s", r).isEqualTo(String.valueOf(schedule.isDue(q)));
            assertThat(r.get(5)).as("rating %s", r).isEqualTo(QuarterRating.of(officer, false, schedule.isDue(q)).name());
            Direction prev = DirectionRule.vsPreviousQuarter(q, acc, pol, schedule, actualFor);
            Direction sqly = DirectionRule.vsSameQuarterLastYear(q, acc, pol, schedule, actualFor);
            assertThat(r.get(7)).as("direction vs previous %s", r).isEqualTo(String.valueOf(prev.direction()));
            assertThat(r.get(8)).as("reason vs previous %s", r).isEqualTo(String.valueOf(prev.reason()));
            assertThat(r.get(9)).as("direction vs last year %s", r).isEqualTo(String.valueOf(sqly.direction()));
            assertThat(r.get(10)).as("reason vs last year %s", r).isEqualTo(String.valueOf(sqly.reason()));
            OptionalDouble slope = Trend.slopePerQuarter(q, 4, schedule, actualFor);
            if (slope.isPresent()) {
                assertThat(Double.parseDouble(r.get(11))).as("slope %s", r).isCloseTo(slope.getAsDouble(), within(1e-9));
            } else {
                assertThat(r.get(11)).as("slope %s", r).isEqualTo("null");
            }
        }
        assertThat(mart).hasSize(2 * 4 * 9);
    }

    private int areaKey() throws Exception {
        return Integer.parseInt(value(data, "select area_key from dim_area where is_whole_authority"));
    }
}
