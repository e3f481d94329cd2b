package io.trajectory.warehouse.rating;

import static io.trajectory.warehouse.rating.Rating.ACHIEVED;
import static io.trajectory.warehouse.rating.Rating.AMBER;
import static io.trajectory.warehouse.rating.Rating.ENDED;
import static io.trajectory.warehouse.rating.Rating.GREEN;
import static io.trajectory.warehouse.rating.Rating.NOT_AVAILABLE;
import static io.trajectory.warehouse.rating.Rating.RED;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ComputedRatingTest {

    private static ComputedRating computed(Rating r) {
        return new ComputedRating(r, "because");
    }

    @Test
    void disagreesWith_flagsADifferentOfficerRating() {
        assertThat(computed(RED).disagreesWith(GREEN)).isTrue();
        assertThat(computed(AMBER).disagreesWith(RED)).isTrue();
        assertThat(computed(NOT_AVAILABLE).disagreesWith(GREEN)).as("rated green with no actual").isTrue();
    }

    @Test
    void disagreesWith_doesNotFlagTheSameRating() {
        assertThat(computed(GREEN).disagreesWith(GREEN)).isFalse();
        assertThat(computed(RED).disagreesWith(RED)).isFalse();
    }

    @Test
    void disagreesWith_treatsAchievedAsAtLeastGreen() {
        assertThat(computed(GREEN).disagreesWith(ACHIEVED)).isFalse();
        assertThat(computed(AMBER).disagreesWith(ACHIEVED)).isTrue();
        assertThat(computed(RED).disagreesWith(ACHIEVED)).isTrue();
    }

    @Test
    void disagreesWith_doesNotFlagAMissingOrEndedOfficerRating() {
        assertThat(computed(RED).disagreesWith(null)).isFalse();
        assertThat(computed(RED).disagreesWith(ENDED)).isFalse();
    }
}
