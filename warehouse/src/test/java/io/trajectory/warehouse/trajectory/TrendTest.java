package io.trajectory.warehouse.trajectory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.trajectory.warehouse.period.FiscalQuarter;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class TrendTest {

    private static final double EPS = 1e-9;

    @Test
    void slope_ofPointsOnALineIsItsGradient() {
        OptionalDouble s = Trend.slope(List.of(new double[] {8028, 10}, new double[] {8029, 12}, new double[] {8030, 14}));
        assertThat(s.getAsDouble()).isCloseTo(2.0, within(EPS));
    }

    @Test
    void slope_isTheLeastSquaresFitOfScatteredPoints() {
        // x 0..3, y 1,3,2,5: Sxy = 5.5, Sxx = 5, slope 1.1.
        OptionalDouble s = Trend.slope(List.of(new double[] {0, 1}, new double[] {1, 3}, new double[] {2, 2}, new double[] {3, 5}));
        assertThat(s.getAsDouble()).isCloseTo(1.1, within(EPS));
    }

    @Test
    void slope_keepsItsPrecisionAtRealOrdinals() {
        OptionalDouble s = Trend.slope(List.of(new double[] {8028, 1}, new double[] {8029, 3}, new double[] {8030, 2}, new double[] {8031, 5}));
        assertThat(s.getAsDouble()).isCloseTo(1.1, within(EPS));
    }

    @Test
    void slope_isNegativeForAFall() {
        OptionalDouble s = Trend.slope(List.of(new double[] {8028, 40}, new double[] {8029, 38.5}, new double[] {8030, 37}));
        assertThat(s.getAsDouble()).isCloseTo(-1.5, within(EPS));
    }

    @Test
    void slope_allowsGapsBetweenOrdinals() {
        assertThat(Trend.slope(List.of(new double[] {0, 0}, new double[] {2, 4})).getAsDouble()).isCloseTo(2.0, within(EPS));
    }

    @Test
    void slope_isEmptyWithFewerThanTwoPointsOrOneOrdinal() {
        assertThat(Trend.slope(List.of())).isEmpty();
        assertThat(Trend.slope(List.<double[]>of(new double[] {8028, 10}))).isEmpty();
        assertThat(Trend.slope(List.of(new double[] {8028, 10}, new double[] {8028, 12}))).isEmpty();
    }

    @Test
    void slope_rejectsMalformedPoints() {
        assertThatThrownBy(() -> Trend.slope(List.of(new double[] {1, 2}, new double[] {3})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[3.0]");
        assertThatThrownBy(() -> Trend.slope(List.of(new double[] {1, 2}, new double[] {3, Double.NaN})))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void slopePerQuarter_usesTheWindowEndingWithTheQuarterAndSkipsMissingQuarters() {
        Map<FiscalQuarter, Double> actuals = Map.of(
                FiscalQuarter.parse("2006/07 Q4"), 0.0, // outside the window
                FiscalQuarter.parse("2007/08 Q1"), 100.0,
                FiscalQuarter.parse("2007/08 Q3"), 130.0,
                FiscalQuarter.parse("2007/08 Q4"), 140.0,
                FiscalQuarter.parse("2008/09 Q1"), 999.0); // after the window
        // Points at 0, 2, 3 quarters: Sxy = 570/9, Sxx = 42/9, slope 95/7 = 13.5714.
        OptionalDouble s = Trend.slopePerQuarter(FiscalQuarter.parse("2007/08 Q4"), 4,
                q -> actuals.containsKey(q) ? OptionalDouble.of(actuals.get(q)) : OptionalDouble.empty());
        assertThat(s.getAsDouble()).isCloseTo(13.571429, within(1e-6));
    }

    @Test
    void slopePerQuarter_isEmptyWithOneActualInTheWindow() {
        OptionalDouble s = Trend.slopePerQuarter(FiscalQuarter.parse("2007/08 Q4"), 4,
                q -> q.quarter() == 2 ? OptionalDouble.of(5) : OptionalDouble.empty());
        assertThat(s).isEmpty();
    }

    @Test
    void slopePerQuarter_rejectsAWindowShorterThanTwo() {
        assertThatThrownBy(() -> Trend.slopePerQuarter(FiscalQuarter.parse("2007/08 Q4"), 1, q -> OptionalDouble.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
