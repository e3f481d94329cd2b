package io.trajectory.warehouse.spc;

import io.trajectory.warehouse.indicator.Accumulation;
import io.trajectory.warehouse.indicator.Polarity;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

import static io.trajectory.warehouse.spc.SpecialCause.OUTSIDE_LIMITS;
import static io.trajectory.warehouse.spc.SpecialCause.SHIFT;
import static io.trajectory.warehouse.spc.SpecialCause.TREND;
import static io.trajectory.warehouse.spc.SpecialCause.TWO_OF_THREE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class XmrChartTest {

    static final SpcRules RULES = SpcRules.defaults();

    static List<Double> series(Double... values) {
        return Arrays.asList(values);
    }

    @Test
    void limitsAreTheMeanPlusAndMinus266AverageMovingRanges() {
        ControlChart c = XmrChart.of(series(10.0, 12.0, 11.0, 13.0, 12.0, 11.0, 12.0, 10.0, 11.0, 12.0),
                Polarity.HIGHER_IS_BETTER, null, RULES);
        // mean 114 / 10 = 11.4; moving ranges 2,1,2,1,1,1,2,1,1 = 12 over 9
        assertThat(c.limits().mean()).isCloseTo(11.4, within(1e-12));
        assertThat(c.limits().averageMovingRange()).isCloseTo(12.0 / 9, within(1e-12));
        assertThat(c.limits().upper()).isCloseTo(11.4 + 2.66 * 12.0 / 9, within(1e-12));
        assertThat(c.limits().lower()).isCloseTo(11.4 - 2.66 * 12.0 / 9, within(1e-12));
        assertThat(c.points()).allSatisfy(p -> assertThat(p.variation()).isEqualTo(Variation.COMMON));
        assertThat(c.variation()).isEqualTo(Variation.COMMON);
    }

    @Test
    void aMissingQuarterBreaksTheMovingRangeButNotTheRuns() {
        ControlChart c = XmrChart.of(series(10.0, 12.0, null, 11.0, 13.0, 12.0, 11.0, 12.0, 10.0, 11.0, 12.0),
                Polarity.HIGHER_IS_BETTER, null, RULES);
        // the ranges 12 -> (gap) -> 11 are not taken: 2 + 2,1,1,1,2,1,1 = 11 over 8
        assertThat(c.limits().movingRanges()).isEqualTo(8);
        assertThat(c.limits().averageMovingRange()).isCloseTo(11.0 / 8, within(1e-12));
        assertThat(c.points().get(2).variation()).as("no figure, nothing to say").isNull();
    }

    @Test
    void tooFewFiguresGiveNoLimitsAndSaySo() {
        ControlChart c = XmrChart.of(series(1.0, 2.0, null, 3.0), Polarity.HIGHER_IS_BETTER, 2.0, RULES);
        assertThat(c.limits()).isNull();
        assertThat(c.limitsReason()).isEqualTo("process limits need at least 10 figures; there are 3");
        assertThat(c.assurance()).isNull();
        assertThat(c.points()).allSatisfy(p -> assertThat(p.specialCause()).isEmpty());
    }

    @Test
    void aFigureBeyondALimitIsSpecialCauseImprovingOrConcerningByPolarity() {
        List<Double> s = series(10.0, 11.0, 10.0, 11.0, 10.0, 11.0, 10.0, 11.0, 10.0, 20.0);
        ControlChart higher = XmrChart.of(s, Polarity.HIGHER_IS_BETTER, null, RULES);
        assertThat(higher.points().get(9).specialCause()).contains(OUTSIDE_LIMITS);
        assertThat(higher.points().get(9).variation()).isEqualTo(Variation.IMPROVING);
        assertThat(higher.variation()).isEqualTo(Variation.IMPROVING);
        ControlChart lower = XmrChart.of(s, Polarity.LOWER_IS_BETTER, null, RULES);
        assertThat(lower.points().get(9).variation()).isEqualTo(Variation.CONCERNING);
    }

    @Test
    void sevenInARowOnOneSideOfTheMeanIsAShiftAndOneOnTheMeanEndsIt() {
        // mean of these 14 is 10: seven above, then seven below
        List<Double> s = series(11.0, 12.0, 11.0, 12.0, 11.0, 12.0, 11.0, 9.0, 8.0, 9.0, 8.0, 9.0, 8.0, 9.0);
        ControlChart c = XmrChart.of(s, Polarity.HIGHER_IS_BETTER, null, RULES);
        assertThat(c.limits().mean()).isCloseTo(10.0, within(1e-12));
        for (int i = 0; i < 14; i++) {
            assertThat(c.points().get(i).specialCause()).as("figure %d", i).contains(SHIFT);
        }
        assertThat(c.points().get(0).variation()).isEqualTo(Variation.IMPROVING);
        assertThat(c.points().get(13).variation()).isEqualTo(Variation.CONCERNING);

        List<Double> broken = series(11.0, 12.0, 11.0, 10.0, 12.0, 11.0, 12.0, 11.0, 9.0, 8.0, 9.0, 8.0, 9.0, 8.0, 9.0);
        ControlChart b = XmrChart.of(broken, Polarity.HIGHER_IS_BETTER, null, RULES);
        assertThat(b.limits().mean()).isCloseTo(10.0, within(1e-12));
        assertThat(b.points().get(0).specialCause()).as("three above, then one on the mean").doesNotContain(SHIFT);
        assertThat(b.points().get(4).specialCause()).as("four above after it").doesNotContain(SHIFT);
        assertThat(b.points().get(8).specialCause()).as("seven below").contains(SHIFT);
    }

    @Test
    void sixInARowRisingIsATrendAndAnEqualFigureEndsIt() {
        List<Double> s = series(5.0, 5.0, 5.0, 5.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 5.0, 5.0);
        ControlChart c = XmrChart.of(s, Polarity.LOWER_IS_BETTER, null, RULES);
        for (int i = 4; i <= 9; i++) {
            assertThat(c.points().get(i).specialCause()).as("figure %d", i).contains(TREND);
        }
        assertThat(c.points().get(3).specialCause()).doesNotContain(TREND);
        assertThat(c.points().get(10).specialCause()).doesNotContain(TREND);
        assertThat(c.points().get(9).variation()).as("rising is worse when lower is better").isEqualTo(Variation.CONCERNING);

        List<Double> flat = series(1.0, 2.0, 3.0, 3.0, 4.0, 5.0, 6.0, 7.0, 1.0, 1.0);
        ControlChart f = XmrChart.of(flat, Polarity.HIGHER_IS_BETTER, null, RULES);
        assertThat(f.points().get(1).specialCause()).as("1,2,3 then an equal 3: a run of three").doesNotContain(TREND);
        assertThat(f.points().get(3).specialCause()).as("3,4,5,6,7 is five").doesNotContain(TREND);
    }

    @Test
    void twoOfThreeBeyondTwoSigmaOnOneSideIsSpecialCause() {
        List<Double> s = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            s.addAll(List.of(10.0, 10.5));
        }
        s.addAll(List.of(12.4, 10.4, 12.4, 10.2));
        ControlChart c = XmrChart.of(s, Polarity.HIGHER_IS_BETTER, null, RULES);
        // mean 10.47, two sigma above it 11.926, upper limit 12.654: 12.4 is between them, twice in three
        assertThat(c.limits().mean() + c.limits().twoSigma()).isCloseTo(11.926, within(1e-9));
        assertThat(c.limits().upper()).isCloseTo(12.654, within(1e-9));
        assertThat(c.points().get(16).specialCause()).containsExactly(TWO_OF_THREE);
        assertThat(c.points().get(18).specialCause()).containsExactly(TWO_OF_THREE);
        assertThat(c.points().get(17).specialCause()).isEmpty();
        assertThat(c.points().get(19).specialCause()).as("one of the last three is beyond").isEmpty();
    }

    @Test
    void assuranceComparesTheTargetWithTheLimits() {
        List<Double> s = series(50.0, 52.0, 51.0, 53.0, 52.0, 51.0, 52.0, 50.0, 51.0, 52.0);
        ControlChart c = XmrChart.of(s, Polarity.HIGHER_IS_BETTER, 40.0, RULES);
        assertThat(c.assurance()).isEqualTo(Assurance.CONSISTENTLY_PASSING);
        assertThat(XmrChart.of(s, Polarity.HIGHER_IS_BETTER, 60.0, RULES).assurance()).isEqualTo(Assurance.CONSISTENTLY_FAILING);
        assertThat(XmrChart.of(s, Polarity.HIGHER_IS_BETTER, 51.0, RULES).assurance()).isEqualTo(Assurance.HIT_AND_MISS);
        assertThat(XmrChart.of(s, Polarity.LOWER_IS_BETTER, 40.0, RULES).assurance()).isEqualTo(Assurance.CONSISTENTLY_FAILING);
        assertThat(XmrChart.of(s, Polarity.LOWER_IS_BETTER, 60.0, RULES).assurance()).isEqualTo(Assurance.CONSISTENTLY_PASSING);
        double lower = c.limits().lower();
        assertThat(XmrChart.of(s, Polarity.HIGHER_IS_BETTER, lower, RULES).assurance())
                .as("meeting the target exactly is passing").isEqualTo(Assurance.CONSISTENTLY_PASSING);
        assertThat(XmrChart.of(s, Polarity.HIGHER_IS_BETTER, null, RULES).assuranceReason()).isEqualTo("no target");
    }

    @Test
    void ruleLengthsAreSettings() {
        List<Double> s = series(11.0, 12.0, 11.0, 12.0, 11.0, 9.0, 8.0, 9.0, 8.0, 9.0);
        assertThat(XmrChart.of(s, Polarity.HIGHER_IS_BETTER, null, RULES).points().get(0).specialCause()).doesNotContain(SHIFT);
        assertThat(XmrChart.of(s, Polarity.HIGHER_IS_BETTER, null, new SpcRules(10, 5, 6)).points().get(0).specialCause())
                .contains(SHIFT);
        assertThatThrownBy(() -> new SpcRules(1, 7, 6)).hasMessageContaining("at least 2 figures");
    }

    /**
     * The real LGBF quarterly series for Aberdeen City's crisis grant decisions within one day
     * (CORP 09, higher is better), 2018/19 Q1 to 2023/24 Q1: the mean and moving ranges worked out
     * here from the file; the first eleven quarters sit above the mean (a shift), and the two
     * collapses of 2021/22 Q4 (69%) and 2022/23 Q1 (54%) are below the lower limit.
     */
    @Test
    void realLgbfSeriesShowsAShiftAndTwoFiguresBelowTheLowerLimit() throws Exception {
        Optional<Path> file = lgbf();
        Assumptions.assumeTrue(file.isPresent(), "shared/datasets not beside the project");
        TreeMap<String, Double> byPeriod = new TreeMap<>();
        try (Reader r = Files.newBufferedReader(file.get(), StandardCharsets.UTF_8)) {
            for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                String code = rec.get(3);
                if (code.equals("CORP 09") && rec.get("LocalAuthority").equals("Aberdeen City")) {
                    byPeriod.put(rec.get("Period"), Double.parseDouble(rec.get("Value")));
                }
            }
        }
        List<Double> values = new ArrayList<>(byPeriod.values());
        assertThat(values).hasSize(21);
        double sum = 0;
        double ranges = 0;
        for (int i = 0; i < values.size(); i++) {
            sum += values.get(i);
            if (i > 0) {
                ranges += Math.abs(values.get(i) - values.get(i - 1));
            }
        }
        double mean = sum / 21;
        double mr = ranges / 20;

        ControlChart c = XmrChart.of(values, Polarity.HIGHER_IS_BETTER, 0.95, RULES);
        assertThat(c.limits().mean()).isCloseTo(mean, within(1e-12));
        assertThat(c.limits().lower()).isCloseTo(mean - 2.66 * mr, within(1e-12)).isCloseTo(0.7873, within(1e-4));
        assertThat(c.limits().upper()).isCloseTo(1.0613, within(1e-4));
        List<String> periods = new ArrayList<>(byPeriod.keySet());
        for (int i = 0; i <= 10; i++) {
            assertThat(c.points().get(i).specialCause()).as(periods.get(i)).containsExactly(SHIFT);
            assertThat(c.points().get(i).variation()).isEqualTo(Variation.IMPROVING);
        }
        assertThat(periods.get(15)).isEqualTo("2021-22;Q4");
        assertThat(c.points().get(15).specialCause()).containsExactly(OUTSIDE_LIMITS, TWO_OF_THREE);
        assertThat(c.points().get(16).specialCause()).containsExactly(OUTSIDE_LIMITS, TWO_OF_THREE);
        assertThat(c.points().get(16).variation()).isEqualTo(Variation.CONCERNING);
        assertThat(c.points().get(20).variation()).as("2023/24 Q1 is back to normal").isEqualTo(Variation.COMMON);
        assertThat(c.variation()).isEqualTo(Variation.COMMON);
        assertThat(c.assurance()).as("a 95% target sits between the limits").isEqualTo(Assurance.HIT_AND_MISS);
    }

    static Optional<Path> lgbf() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path p = dir.resolve("shared/datasets/lgbf-scotland/indicator-data-quarterly.csv");
            if (Files.exists(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    @Test
    void yearToDateFiguresGetNoLimitsSinceTheyRestartEveryApril() {
        // a year-to-date count: 30, 60, 90, 120, then again from April
        List<Double> ytd = new ArrayList<>();
        for (int year = 0; year < 3; year++) {
            for (int q = 1; q <= 4; q++) {
                ytd.add(30.0 * q + year);
            }
        }
        ControlChart chart = XmrChart.of(ytd, Polarity.HIGHER_IS_BETTER, Accumulation.CUMULATIVE_YTD, 100.0, RULES);
        assertThat(chart.limits()).isNull();
        assertThat(chart.limitsReason()).contains("year-to-date", "restart every April");
        assertThat(chart.points()).hasSize(12).allSatisfy(p -> assertThat(p.specialCause()).isEmpty());
        assertThat(chart.assurance()).isNull();
        assertThat(XmrChart.of(ytd, Polarity.HIGHER_IS_BETTER, Accumulation.LEVEL, 100.0, RULES).limits())
                .as("the same figures read as levels").isNotNull();
    }
}
