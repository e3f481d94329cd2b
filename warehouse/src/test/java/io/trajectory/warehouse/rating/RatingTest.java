package io.trajectory.warehouse.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RatingTest {

    @Test
    void parse_acceptsNamesLettersAndLabels() {
        assertThat(Rating.parse("GREEN")).contains(Rating.GREEN);
        assertThat(Rating.parse("Green")).contains(Rating.GREEN);
        assertThat(Rating.parse(" g ")).contains(Rating.GREEN);
        assertThat(Rating.parse("A")).contains(Rating.AMBER);
        assertThat(Rating.parse("red")).contains(Rating.RED);
        assertThat(Rating.parse("Completed")).contains(Rating.ACHIEVED);
        assertThat(Rating.parse("Not available")).contains(Rating.NOT_AVAILABLE);
        assertThat(Rating.parse("n/a")).contains(Rating.NOT_AVAILABLE);
        assertThat(Rating.parse("Not available for reporting")).contains(Rating.NOT_AVAILABLE);
        assertThat(Rating.parse("Ended")).contains(Rating.ENDED);
        assertThat(Rating.parse("no-target")).contains(Rating.NO_TARGET);
    }

    @Test
    void parse_blankIsEmpty() {
        assertThat(Rating.parse(null)).isEmpty();
        assertThat(Rating.parse("  ")).isEmpty();
    }

    @Test
    void parse_rejectsUnknownTextNamingIt() {
        assertThatThrownBy(() -> Rating.parse("Purple"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Purple'");
    }

    @Test
    void isCounted_excludesNotDueEndedAndNoTarget() {
        assertThat(Rating.values()).filteredOn(r -> !r.isCounted())
                .containsExactlyInAnyOrder(Rating.NOT_DUE, Rating.ENDED, Rating.NO_TARGET);
    }

    @Test
    void hasData_isGreenAmberRedAndAchieved() {
        assertThat(Rating.values()).filteredOn(Rating::hasData)
                .containsExactlyInAnyOrder(Rating.GREEN, Rating.AMBER, Rating.RED, Rating.ACHIEVED);
    }

    @Test
    void everyRating_hasAColourAndASymbol() {
        for (Rating r : Rating.values()) {
            assertThat(r.colour()).as(r.name()).matches("#[0-9a-f]{6}");
            assertThat(r.symbol()).as(r.name()).isNotBlank();
        }
    }
}
