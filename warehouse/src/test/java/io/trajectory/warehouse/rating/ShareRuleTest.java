package io.trajectory.warehouse.rating;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ShareRuleTest {

    // 6 Green, 3 Amber, 1 Red (10 with data), 2 not available, 4 with no target yet, 5 ended
    private final RatingCounts counts = RatingCounts.of(Map.of(Rating.GREEN, 6L, Rating.AMBER, 3L, Rating.RED, 1L,
            Rating.NOT_AVAILABLE, 2L, Rating.NO_TARGET, 4L, Rating.ENDED, 5L));

    @Test
    void withDataTakesRatingsOfThoseWithDataAndNoDataOfAllCounted() {
        assertThat(ShareRule.WITH_DATA.share(counts, Rating.GREEN).getAsDouble()).isCloseTo(6 / 10.0, within(1e-12));
        assertThat(ShareRule.WITH_DATA.share(counts, Rating.NOT_AVAILABLE).getAsDouble()).isCloseTo(2 / 12.0, within(1e-12));
        assertThat(ShareRule.WITH_DATA.share(counts, Rating.NO_TARGET)).isEmpty();
        assertThat(ShareRule.WITH_DATA.ofAll(counts)).isEqualTo(12);
    }

    @Test
    void allCountedTakesEveryRatingOfThoseWithDataOrNotAvailable() {
        assertThat(ShareRule.ALL_COUNTED.share(counts, Rating.GREEN).getAsDouble()).isCloseTo(6 / 12.0, within(1e-12));
        assertThat(ShareRule.ALL_COUNTED.share(counts, Rating.NO_TARGET)).isEmpty();
        assertThat(ShareRule.ALL_COUNTED.shareOfAll(counts, 3).getAsDouble()).isCloseTo(3 / 12.0, within(1e-12));
    }

    @Test
    void allInForceCountsThoseWithNoTargetYetButNeverTheEnded() {
        assertThat(ShareRule.ALL_IN_FORCE.share(counts, Rating.GREEN).getAsDouble()).isCloseTo(6 / 16.0, within(1e-12));
        assertThat(ShareRule.ALL_IN_FORCE.share(counts, Rating.NO_TARGET).getAsDouble()).isCloseTo(4 / 16.0, within(1e-12));
        assertThat(ShareRule.ALL_IN_FORCE.share(counts, Rating.ENDED)).isEmpty();
    }

    @Test
    void nothingToDivideByGivesNoShare() {
        assertThat(ShareRule.ALL_COUNTED.share(RatingCounts.empty(), Rating.GREEN)).isEmpty();
    }

    @Test
    void readsTheRuleAsConfigurationWritesItAndNamesTheChoicesOtherwise() {
        assertThat(ShareRule.parse(" All_Counted ")).isEqualTo(ShareRule.ALL_COUNTED);
        assertThat(ShareRule.parse("with-data")).isEqualTo(ShareRule.WITH_DATA);
        assertThatThrownBy(() -> ShareRule.parse("of-everything"))
                .hasMessage("Unknown share rule 'of-everything'; expected with-data, all-counted, all-in-force");
    }
}
