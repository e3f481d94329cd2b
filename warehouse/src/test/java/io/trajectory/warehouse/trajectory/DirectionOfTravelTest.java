package io.trajectory.warehouse.trajectory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DirectionOfTravelTest {

    @Test
    void ofOrientedChange_positiveIsImprovingNegativeIsWorseningZeroIsNoChange() {
        assertThat(DirectionOfTravel.ofOrientedChange(0.5)).isEqualTo(DirectionOfTravel.IMPROVING);
        assertThat(DirectionOfTravel.ofOrientedChange(-0.5)).isEqualTo(DirectionOfTravel.WORSENING);
        assertThat(DirectionOfTravel.ofOrientedChange(0.0)).isEqualTo(DirectionOfTravel.NO_CHANGE);
    }

    @Test
    void parse_acceptsOfficersWords() {
        assertThat(DirectionOfTravel.parse("IMPROVING")).contains(DirectionOfTravel.IMPROVING);
        assertThat(DirectionOfTravel.parse("up")).contains(DirectionOfTravel.IMPROVING);
        assertThat(DirectionOfTravel.parse("No change")).contains(DirectionOfTravel.NO_CHANGE);
        assertThat(DirectionOfTravel.parse("no-change")).contains(DirectionOfTravel.NO_CHANGE);
        assertThat(DirectionOfTravel.parse("Worsening")).contains(DirectionOfTravel.WORSENING);
    }

    @Test
    void parse_blankIsEmpty() {
        assertThat(DirectionOfTravel.parse("")).isEmpty();
        assertThat(DirectionOfTravel.parse(null)).isEmpty();
    }

    @Test
    void parse_rejectsUnknownTextNamingIt() {
        assertThatThrownBy(() -> DirectionOfTravel.parse("sideways"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'sideways'");
    }
}
