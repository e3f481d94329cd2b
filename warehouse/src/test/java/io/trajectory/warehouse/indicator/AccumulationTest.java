package io.trajectory.warehouse.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AccumulationTest {

    @Test
    void parse_acceptsRegisterValuesAndShortForms() {
        assertThat(Accumulation.parse("LEVEL")).isEqualTo(Accumulation.LEVEL);
        assertThat(Accumulation.parse(" level ")).isEqualTo(Accumulation.LEVEL);
        assertThat(Accumulation.parse("CUMULATIVE_YTD")).isEqualTo(Accumulation.CUMULATIVE_YTD);
        assertThat(Accumulation.parse("cumulative ytd")).isEqualTo(Accumulation.CUMULATIVE_YTD);
        assertThat(Accumulation.parse("YTD")).isEqualTo(Accumulation.CUMULATIVE_YTD);
    }

    @Test
    void parse_rejectsUnknownTextNamingIt() {
        assertThatThrownBy(() -> Accumulation.parse("rolling 12 months"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'rolling 12 months'");
        assertThatThrownBy(() -> Accumulation.parse("")).isInstanceOf(IllegalArgumentException.class);
    }
}
