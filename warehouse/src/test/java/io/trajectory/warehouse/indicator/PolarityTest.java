package io.trajectory.warehouse.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PolarityTest {

    @Test
    void sign_isPlusOneWhenHigherIsBetterAndMinusOneWhenLowerIsBetter() {
        assertThat(Polarity.HIGHER_IS_BETTER.sign()).isEqualTo(1);
        assertThat(Polarity.LOWER_IS_BETTER.sign()).isEqualTo(-1);
    }

    @Test
    void orient_makesARiseGoodWhenHigherIsBetter() {
        assertThat(Polarity.HIGHER_IS_BETTER.orient(12.5)).isEqualTo(12.5);
        assertThat(Polarity.HIGHER_IS_BETTER.orient(new BigDecimal("-3.2"))).isEqualByComparingTo("-3.2");
    }

    @Test
    void orient_makesAFallGoodWhenLowerIsBetter() {
        assertThat(Polarity.LOWER_IS_BETTER.orient(-12.5)).isEqualTo(12.5);
        assertThat(Polarity.LOWER_IS_BETTER.orient(new BigDecimal("3.2"))).isEqualByComparingTo("-3.2");
    }

    @Test
    void parse_acceptsRegisterValuesAndShortForms() {
        assertThat(Polarity.parse("HIGHER_IS_BETTER")).isEqualTo(Polarity.HIGHER_IS_BETTER);
        assertThat(Polarity.parse("higher is better")).isEqualTo(Polarity.HIGHER_IS_BETTER);
        assertThat(Polarity.parse("Lower-is-better")).isEqualTo(Polarity.LOWER_IS_BETTER);
        assertThat(Polarity.parse("lower")).isEqualTo(Polarity.LOWER_IS_BETTER);
    }

    @Test
    void parse_rejectsUnknownTextNamingIt() {
        assertThatThrownBy(() -> Polarity.parse("sideways"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'sideways'");
        assertThatThrownBy(() -> Polarity.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
