package io.trajectory.api.pages;

import io.trajectory.warehouse.rating.Rating;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class FormatsTest {

    private final Formats fmt = Formats.INSTANCE;

    @Test
    void number_groupsThousandsAndDropsNeedlessDecimals() {
        assertThat(fmt.number(15900.0)).isEqualTo("15,900");
        assertThat(fmt.number(1178.333)).isEqualTo("1,178.33");
        assertThat(fmt.number(null)).isEqualTo("\u2013");
    }

    @Test
    void signed_usesATrueMinusAndAPlus() {
        assertThat(fmt.signed(-163.0)).isEqualTo("\u2212163");
        assertThat(fmt.signed(0.17)).isEqualTo("+0.17");
        assertThat(fmt.signed(0.0)).isEqualTo("0");
    }

    @Test
    void share_isAPercentageWithOneDecimal() {
        assertThat(fmt.share(0.7551)).isEqualTo("75.5%");
        assertThat(fmt.signedShare(-0.2)).isEqualTo("\u221220%");
        assertThat(fmt.signedShare(1.33)).isEqualTo("+133%");
    }

    @Test
    void shortQuarter_readsAsTheRiskSummaryHeadsItsColumns() {
        assertThat(fmt.shortQuarter("2007/08 Q1")).isEqualTo("Q1 07/08");
        assertThat(fmt.shortQuarter("Q4 1999/00")).isEqualTo("Q4 99/00");
    }

    @Test
    void rating_alwaysHasALabelAndASymbol() {
        RatingBadge red = fmt.rating(Rating.RED);
        assertThat(red.label()).isEqualTo("Red");
        assertThat(red.symbol()).isNotBlank();
        assertThat(red.cssClass()).isEqualTo("rating rating-red");
        assertThat(fmt.rating(Rating.NOT_AVAILABLE).cssClass()).isEqualTo("rating rating-not-available");
        assertThat(fmt.rating(null).label()).isEqualTo("No rating");
    }

    @Test
    void duration_inSecondsOrMinutes() {
        Instant t = Instant.parse("2026-11-23T08:40:50.366Z");
        assertThat(fmt.duration(t, t.plusMillis(3951))).isEqualTo("4.0 s");
        assertThat(fmt.duration(t, t.plusSeconds(125))).isEqualTo("2 min 05 s");
        assertThat(fmt.instant(t)).isEqualTo("23 Nov 2026, 08:40:50");
    }
}
