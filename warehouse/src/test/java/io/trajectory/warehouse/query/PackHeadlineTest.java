package io.trajectory.warehouse.query;

import io.trajectory.warehouse.rating.Rating;
import io.trajectory.warehouse.rating.RatingCounts;
import io.trajectory.warehouse.rating.ShareRule;
import io.trajectory.warehouse.trajectory.DirectionOfTravel;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PackHeadlineTest {

    private static PackIndicator indicator(String ref, Rating rating, DirectionOfTravel trend) {
        return new PackIndicator(ref, "t", "Theme", "o", rating, null, false, trend, null, null, null, null, null,
                null, null, null, null, null, null);
    }

    // 6 Green (2 worsening), 3 Amber, 4 Red (2 improving, 1 no change, 1 worsening), 2 no data, 5 no target (1 worsening)
    private static final List<PackIndicator> INDICATORS = indicators();
    private static final RatingCounts TOTALS = RatingCounts.tally(INDICATORS.stream().map(PackIndicator::rating).toList());

    private static List<PackIndicator> indicators() {
        List<PackIndicator> all = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            all.add(indicator("G" + i, Rating.GREEN, i < 2 ? DirectionOfTravel.WORSENING : DirectionOfTravel.IMPROVING));
        }
        for (int i = 0; i < 3; i++) {
            all.add(indicator("A" + i, Rating.AMBER, null));
        }
        all.add(indicator("R0", Rating.RED, DirectionOfTravel.IMPROVING));
        all.add(indicator("R1", Rating.RED, DirectionOfTravel.IMPROVING));
        all.add(indicator("R2", Rating.RED, DirectionOfTravel.NO_CHANGE));
        all.add(indicator("R3", Rating.RED, DirectionOfTravel.WORSENING));
        all.add(indicator("N0", Rating.NOT_AVAILABLE, null));
        all.add(indicator("N1", Rating.NOT_AVAILABLE, null));
        for (int i = 0; i < 5; i++) {
            all.add(indicator("T" + i, Rating.NO_TARGET, i == 0 ? DirectionOfTravel.WORSENING : null));
        }
        return all;
    }

    @Test
    void theSummarysFiguresFollowTheShareRuleAndTheOfficersTrends() {
        PackHeadline h = QuarterlyPackQuery.headline(TOTALS, INDICATORS, ShareRule.WITH_DATA);
        assertThat(h.inOperation()).isEqualTo(15);
        assertThat(h.green().count()).isEqualTo(6);
        assertThat(h.green().share()).isCloseTo(6 / 13.0, within(1e-12));
        assertThat(h.noData().share()).isCloseTo(2 / 15.0, within(1e-12));
        assertThat(h.noTarget().count()).isEqualTo(5);
        assertThat(h.noTarget().share()).isNull();
        assertThat(h.redImproving().share()).isCloseTo(2 / 4.0, within(1e-12));
        assertThat(h.redNoChange().share()).isCloseTo(1 / 4.0, within(1e-12));
        assertThat(h.worsening().count()).as("those with no target are not among all the indicators").isEqualTo(3);
        assertThat(h.worsening().share()).isCloseTo(3 / 15.0, within(1e-12));
    }

    @Test
    void annualIndicatorsNotDueAreNamedApartAndLeftOutOfEveryShare() {
        List<PackIndicator> withAnnual = new ArrayList<>(INDICATORS);
        withAnnual.add(indicator("Y0", Rating.NOT_DUE, null));
        withAnnual.add(indicator("Y1", Rating.NOT_DUE, DirectionOfTravel.WORSENING));
        RatingCounts totals = RatingCounts.tally(withAnnual.stream().map(PackIndicator::rating).toList());
        PackHeadline h = QuarterlyPackQuery.headline(totals, withAnnual, ShareRule.WITH_DATA);
        assertThat(h.notDue()).isEqualTo(2);
        assertThat(h.inOperation()).isEqualTo(15);
        assertThat(h.noData().share()).isCloseTo(2 / 15.0, within(1e-12));
        assertThat(h.worsening().count()).isEqualTo(3);
        assertThat(QuarterlyPackQuery.headline(TOTALS, INDICATORS, ShareRule.WITH_DATA).notDue()).isZero();
    }

    @Test
    void allInForceCountsThoseWithNoTargetAmongAllTheIndicators() {
        PackHeadline h = QuarterlyPackQuery.headline(TOTALS, INDICATORS, ShareRule.ALL_IN_FORCE);
        assertThat(h.allIndicators()).isEqualTo(20);
        assertThat(h.green().share()).isCloseTo(6 / 20.0, within(1e-12));
        assertThat(h.noTarget().share()).isCloseTo(5 / 20.0, within(1e-12));
        assertThat(h.worsening().count()).isEqualTo(4);
        assertThat(h.worsening().share()).isCloseTo(4 / 20.0, within(1e-12));
    }

    @Test
    void allCountedTakesEveryRatingOfThoseInOperation() {
        PackHeadline h = QuarterlyPackQuery.headline(TOTALS, INDICATORS, ShareRule.ALL_COUNTED);
        assertThat(h.red().share()).isCloseTo(4 / 15.0, within(1e-12));
        assertThat(h.redImproving().share()).as("of the Red, whatever the rule").isCloseTo(2 / 4.0, within(1e-12));
    }
}
