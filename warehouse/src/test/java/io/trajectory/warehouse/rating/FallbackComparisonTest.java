package io.trajectory.warehouse.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trajectory.warehouse.period.FiscalQuarter;
import org.junit.jupiter.api.Test;

class FallbackComparisonTest {

    @Test
    void parse_acceptsConfigNamesInAnyCase() {
        assertThat(FallbackComparison.parse("same-quarter-last-year")).isEqualTo(FallbackComparison.SAME_QUARTER_LAST_YEAR);
        assertThat(FallbackComparison.parse("Same quarter last year")).isEqualTo(FallbackComparison.SAME_QUARTER_LAST_YEAR);
        assertThat(FallbackComparison.parse("PREVIOUS_QUARTER")).isEqualTo(FallbackComparison.PREVIOUS_QUARTER);
    }

    @Test
    void parse_rejectsUnknownTextNamingIt() {
        assertThatThrownBy(() -> FallbackComparison.parse("yesterday"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'yesterday'");
    }

    @Test
    void configName_parsesBack() {
        for (FallbackComparison f : FallbackComparison.values()) {
            assertThat(FallbackComparison.parse(f.configName())).isEqualTo(f);
        }
        assertThat(FallbackComparison.PREVIOUS_QUARTER.configName()).isEqualTo("previous-quarter");
    }

    @Test
    void periodFor_isTheNamedQuarter() {
        FiscalQuarter q1 = FiscalQuarter.of(2008, 1);
        assertThat(FallbackComparison.PREVIOUS_QUARTER.periodFor(q1)).isEqualTo(FiscalQuarter.of(2007, 4));
        assertThat(FallbackComparison.SAME_QUARTER_LAST_YEAR.periodFor(q1)).isEqualTo(FiscalQuarter.of(2007, 1));
    }
}
