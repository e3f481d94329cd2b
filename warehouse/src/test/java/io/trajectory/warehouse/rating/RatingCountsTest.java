package io.trajectory.warehouse.rating;

import static io.trajectory.warehouse.rating.Rating.ACHIEVED;
import static io.trajectory.warehouse.rating.Rating.AMBER;
import static io.trajectory.warehouse.rating.Rating.ENDED;
import static io.trajectory.warehouse.rating.Rating.GREEN;
import static io.trajectory.warehouse.rating.Rating.NOT_AVAILABLE;
import static io.trajectory.warehouse.rating.Rating.NO_TARGET;
import static io.trajectory.warehouse.rating.Rating.RED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * The share rule, checked against the "Indicator Risk Summary Quarter 1 2007-08" table in
 * {@code seeds/q1-2007-08-risk-summary.txt}.
 */
class RatingCountsTest {

    // Theme rows of the seed table, Q4 06-07: Green, Amber, Red, Not available.
    private static final long[][] THEMES_Q4_0607 = {
            {27, 7, 1, 1},  // Children and Young People
            {7, 4, 0, 3},   // Cleaner and Greener
            {4, 3, 0, 4},   // Economic Development
            {7, 3, 2, 0},   // Health
            {2, 4, 3, 2},   // Older People
            {9, 2, 5, 8},   // Safer
            {7, 0, 2, 11},  // Stronger
    };

    // Theme rows of the seed table, Q1 07-08.
    private static final long[][] THEMES_Q1_0708 = {
            {29, 9, 1, 3},
            {7, 7, 0, 3},
            {4, 2, 1, 4},
            {9, 1, 2, 0},
            {4, 3, 2, 2},
            {11, 1, 6, 7},
            {16, 2, 2, 0},
    };

    private static RatingCounts rag(long green, long amber, long red, long notAvailable) {
        return RatingCounts.of(Map.of(GREEN, green, AMBER, amber, RED, red, NOT_AVAILABLE, notAvailable));
    }

    private static RatingCounts total(long[][] themes) {
        RatingCounts total = RatingCounts.empty();
        for (long[] t : themes) {
            total = total.plus(rag(t[0], t[1], t[2], t[3]));
        }
        return total;
    }

    private static double percentTo1dp(OptionalDouble share) {
        return Math.round(share.getAsDouble() * 1000) / 10.0;
    }

    // The source truncates rather than rounds its two-decimal percentages.
    private static double percentTruncatedTo2dp(OptionalDouble share) {
        return Math.floor(share.getAsDouble() * 10000) / 100.0;
    }

    @Test
    void share_ofGreenIsOfIndicatorsWithData_63of99() {
        RatingCounts q4 = rag(63, 23, 13, 29);
        assertThat(q4.withData()).isEqualTo(99);
        assertThat(q4.share(GREEN).getAsDouble()).isCloseTo(0.636364, within(1e-6));
        assertThat(percentTo1dp(q4.share(GREEN))).isEqualTo(63.6);
        assertThat(percentTo1dp(q4.share(AMBER))).isEqualTo(23.2);
        assertThat(percentTo1dp(q4.share(RED))).isEqualTo(13.1);
    }

    @Test
    void share_ofNotAvailableIsOfAllCountedIndicators_29of128() {
        RatingCounts q4 = rag(63, 23, 13, 29);
        assertThat(q4.counted()).isEqualTo(128);
        assertThat(q4.share(NOT_AVAILABLE).getAsDouble()).isCloseTo(0.226563, within(1e-6));
        assertThat(percentTruncatedTo2dp(q4.share(NOT_AVAILABLE))).isEqualTo(22.65);
        assertThat(percentTo1dp(q4.share(NOT_AVAILABLE))).isEqualTo(22.7);
    }

    @Test
    void share_ofNotAvailableLeavesEndedAndNoTargetOutOfTheDenominator() {
        RatingCounts withExcluded = RatingCounts.of(Map.of(GREEN, 63L, AMBER, 23L, RED, 13L, NOT_AVAILABLE, 29L,
                ENDED, 5L, NO_TARGET, 3L));
        assertThat(percentTruncatedTo2dp(withExcluded.share(NOT_AVAILABLE))).isEqualTo(22.65);
        assertThat(percentTo1dp(withExcluded.share(GREEN))).isEqualTo(63.6);
    }

    @Test
    void share_reproducesThePrintedQ1Totals() {
        RatingCounts q1 = rag(80, 25, 12, 19);
        assertThat(percentTruncatedTo2dp(q1.share(GREEN))).isEqualTo(68.37);
        assertThat(percentTruncatedTo2dp(q1.share(AMBER))).isEqualTo(21.36);
        assertThat(percentTruncatedTo2dp(q1.share(RED))).isEqualTo(10.25);
        assertThat(percentTruncatedTo2dp(q1.share(NOT_AVAILABLE))).isEqualTo(13.97);
    }

    @Test
    void share_ofGreenAmberRedAndAchievedSumsToOne() {
        RatingCounts counts = RatingCounts.of(Map.of(GREEN, 63L, AMBER, 23L, RED, 13L, ACHIEVED, 4L,
                NOT_AVAILABLE, 29L, ENDED, 3L, NO_TARGET, 2L));
        double sum = 0;
        for (Rating r : List.of(GREEN, AMBER, RED, ACHIEVED)) {
            sum += counts.share(r).getAsDouble();
        }
        assertThat(sum).isCloseTo(1.0, within(1e-12));
        assertThat(counts.share(ACHIEVED).getAsDouble()).isCloseTo(0.038835, within(1e-6));
    }

    @Test
    void plus_ofThePublishedQ4ThemeRowsGivesThePublishedTotals() {
        RatingCounts total = total(THEMES_Q4_0607);
        assertThat(total).isEqualTo(rag(63, 23, 13, 29));
        assertThat(percentTo1dp(total.share(GREEN))).isEqualTo(63.6);
    }

    @Test
    void plus_ofThePublishedQ1ThemeRowsGivesFourteenRedNotThePrintedTwelve() {
        // The seed's theme rows add up to 14 red in Q1 07-08; the printed total (and its
        // percentages) say 12. The rows are the data, so the warehouse would report 14.
        RatingCounts total = total(THEMES_Q1_0708);
        assertThat(total.count(GREEN)).isEqualTo(80);
        assertThat(total.count(AMBER)).isEqualTo(25);
        assertThat(total.count(RED)).isEqualTo(14);
        assertThat(total.count(NOT_AVAILABLE)).isEqualTo(19);
    }

    @Test
    void counted_excludesEndedAndNoTarget_withDataExcludesNotAvailableToo() {
        RatingCounts counts = RatingCounts.of(Map.of(GREEN, 5L, ACHIEVED, 1L, NOT_AVAILABLE, 2L, ENDED, 3L, NO_TARGET, 4L));
        assertThat(counts.total()).isEqualTo(15);
        assertThat(counts.counted()).isEqualTo(8);
        assertThat(counts.withData()).isEqualTo(6);
    }

    @Test
    void share_isEmptyForEndedAndNoTarget() {
        RatingCounts counts = RatingCounts.of(Map.of(GREEN, 5L, ENDED, 3L, NO_TARGET, 4L));
        assertThat(counts.share(ENDED)).isEmpty();
        assertThat(counts.share(NO_TARGET)).isEmpty();
    }

    @Test
    void share_isEmptyWhenTheDenominatorIsZero() {
        RatingCounts onlyNotAvailable = RatingCounts.of(Map.of(NOT_AVAILABLE, 7L));
        assertThat(onlyNotAvailable.share(GREEN)).isEmpty();
        assertThat(onlyNotAvailable.share(NOT_AVAILABLE)).hasValue(1.0);
        assertThat(RatingCounts.empty().share(NOT_AVAILABLE)).isEmpty();
    }

    @Test
    void share_ofARatingWithNoIndicatorsIsZero() {
        assertThat(rag(63, 23, 13, 29).share(ACHIEVED)).hasValue(0.0);
    }

    @Test
    void builder_addsOneAtATimeAndInBulk() {
        RatingCounts counts = RatingCounts.builder().add(GREEN).add(GREEN).add(RED).add(AMBER, 3).build();
        assertThat(counts.count(GREEN)).isEqualTo(2);
        assertThat(counts.count(RED)).isEqualTo(1);
        assertThat(counts.count(AMBER)).isEqualTo(3);
        assertThat(counts.count(ACHIEVED)).isZero();
    }

    @Test
    void tally_countsOneRatingPerIndicator() {
        RatingCounts counts = RatingCounts.tally(List.of(GREEN, RED, GREEN, NOT_AVAILABLE, ENDED));
        assertThat(counts).isEqualTo(RatingCounts.of(Map.of(GREEN, 2L, RED, 1L, NOT_AVAILABLE, 1L, ENDED, 1L)));
    }

    @Test
    void of_rejectsANegativeCountNamingTheRating() {
        assertThatThrownBy(() -> RatingCounts.of(Map.of(AMBER, -1L)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("AMBER");
    }

    @Test
    void equals_ignoresZeroCounts() {
        assertThat(RatingCounts.of(Map.of(GREEN, 2L, RED, 0L))).isEqualTo(RatingCounts.of(Map.of(GREEN, 2L)))
                .hasSameHashCodeAs(RatingCounts.of(Map.of(GREEN, 2L)));
        assertThat(RatingCounts.of(Map.of(GREEN, 2L))).isNotEqualTo(RatingCounts.of(Map.of(GREEN, 3L)));
    }

    @Test
    void asMap_isUnmodifiable() {
        assertThatThrownBy(() -> rag(1, 1, 1, 1).asMap().put(RED, 9L)).isInstanceOf(UnsupportedOperationException.class);
    }
}
