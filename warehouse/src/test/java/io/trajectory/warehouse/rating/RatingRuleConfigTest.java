package io.trajectory.warehouse.rating;

import static io.trajectory.warehouse.indicator.Accumulation.LEVEL;
import static io.trajectory.warehouse.indicator.Polarity.HIGHER_IS_BETTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trajectory.warehouse.period.FiscalQuarter;
import org.junit.jupiter.api.Test;

class RatingRuleConfigTest {

    // 94 against 100 planned; 90 a year ago, 96 last quarter; no trend.
    private static final RatingInputs SIX_PERCENT_BEHIND = RatingInputs.builder(HIGHER_IS_BETTER, LEVEL, FiscalQuarter.of(2007, 4))
            .actual(94.0).planned(100.0).finalTarget(120.0, FiscalQuarter.of(2008, 4))
            .sameQuarterLastYearActual(90.0).previousQuarterActual(96.0).build();

    @Test
    void defaults_areTheTrajectoryRuleWithTenPercentSameQuarterLastYearAndFourQuarters() {
        RatingRuleConfig d = RatingRuleConfig.defaults();
        assertThat(d.rule()).isEqualTo("trajectory");
        assertThat(d.tolerance()).isEqualTo(0.10);
        assertThat(d.fallback()).isEqualTo("same-quarter-last-year");
        assertThat(d.trendQuarters()).isEqualTo(4);
        assertThat(d.amberTolerance()).isEqualTo(0.15);
        assertThat(d.planAmberTolerance()).isEqualTo(0.10);
        assertThat(d.create()).isInstanceOfSatisfying(TrajectoryRatingRule.class, r -> {
            assertThat(r.amberTolerance()).isEqualTo(0.15);
            assertThat(r.planAmberTolerance()).isEqualTo(0.10);
        });
    }

    @Test
    void create_givesTheTrajectoryRuleByDefault() {
        // Behind, and no trend to recover with: red on the projection alone, amber within a tolerance.
        assertThat(new RatingRuleConfig("trajectory", 0.1, null, 4, 0, 0).create().rate(SIX_PERCENT_BEHIND).rating())
                .isEqualTo(Rating.RED);
        assertThat(new RatingRuleConfig("trajectory", 0.1, null, 4, 0.10, 0.10).create().rate(SIX_PERCENT_BEHIND).rating())
                .isEqualTo(Rating.AMBER);
    }

    @Test
    void create_givesAToleranceBandRuleWithTheConfiguredSettings() {
        RatingRule tenPercent = new RatingRuleConfig("tolerance-band", 0.10, "same-quarter-last-year", 4).create();
        assertThat(tenPercent.name()).isEqualTo("tolerance-band");
        assertThat(tenPercent.rate(SIX_PERCENT_BEHIND).rating()).isEqualTo(Rating.GREEN);

        RatingRule fivePercentLastYear = new RatingRuleConfig("tolerance-band", 0.05, "same-quarter-last-year", 4).create();
        assertThat(fivePercentLastYear.rate(SIX_PERCENT_BEHIND).rating()).isEqualTo(Rating.AMBER);

        RatingRule fivePercentLastQuarter = new RatingRuleConfig("tolerance-band", 0.05, "previous-quarter", 4).create();
        assertThat(fivePercentLastQuarter.rate(SIX_PERCENT_BEHIND).rating()).isEqualTo(Rating.RED);
        assertThat(fivePercentLastQuarter.description()).contains("5%").contains("the previous quarter");
    }

    @Test
    void create_matchesRuleAndFallbackNamesLoosely() {
        RatingRule rule = new RatingRuleConfig(" Tolerance_Band ", 0.10, "PREVIOUS_QUARTER", 4).create();
        assertThat(rule).isInstanceOfSatisfying(ToleranceBandRatingRule.class,
                r -> assertThat(r.fallback()).isEqualTo(FallbackComparison.PREVIOUS_QUARTER));
    }

    @Test
    void create_rejectsAnUnknownRuleListingTheKnownOnes() {
        assertThatThrownBy(() -> new RatingRuleConfig("rag-by-vibes", 0.10, null, 4).create())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown rating rule 'rag-by-vibes'; known rules: trajectory, tolerance-band");
    }

    @Test
    void create_rejectsAnUnknownFallbackNamingIt() {
        assertThatThrownBy(() -> new RatingRuleConfig("tolerance-band", 0.10, "last-tuesday", 4).create())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'last-tuesday'")
                .hasMessageContaining("same-quarter-last-year or previous-quarter");
    }

    @Test
    void blankRuleAndFallback_meanTheDefaults() {
        RatingRuleConfig c = new RatingRuleConfig(null, 0.2, " ", 3);
        assertThat(c.rule()).isEqualTo("trajectory");
        assertThat(c.fallback()).isEqualTo("same-quarter-last-year");
    }

    @Test
    void constructor_rejectsToleranceOutsideZeroToOneAndTooShortATrend() {
        assertThatThrownBy(() -> new RatingRuleConfig("trajectory", 10, null, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tolerance");
        assertThatThrownBy(() -> new RatingRuleConfig("trajectory", 0.1, null, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("trend quarters");
    }

    @Test
    void knownRules_areTrajectoryAndToleranceBand() {
        assertThat(RatingRuleConfig.knownRules()).containsExactly("trajectory", "tolerance-band");
    }
}
