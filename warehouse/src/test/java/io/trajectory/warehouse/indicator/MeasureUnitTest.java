package io.trajectory.warehouse.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MeasureUnitTest {

    @Test
    void parse_acceptsRegisterValuesInAnyCase() {
        assertThat(MeasureUnit.parse("count")).isEqualTo(MeasureUnit.COUNT);
        assertThat(MeasureUnit.parse("Percent")).isEqualTo(MeasureUnit.PERCENT);
        assertThat(MeasureUnit.parse("%")).isEqualTo(MeasureUnit.PERCENT);
        assertThat(MeasureUnit.parse("rate")).isEqualTo(MeasureUnit.RATE);
        assertThat(MeasureUnit.parse("SCORE")).isEqualTo(MeasureUnit.SCORE);
        assertThat(MeasureUnit.parse("money")).isEqualTo(MeasureUnit.MONEY);
        assertThat(MeasureUnit.parse("£")).isEqualTo(MeasureUnit.MONEY);
    }

    @Test
    void parse_rejectsUnknownTextNamingIt() {
        assertThatThrownBy(() -> MeasureUnit.parse("furlongs"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'furlongs'");
    }
}
