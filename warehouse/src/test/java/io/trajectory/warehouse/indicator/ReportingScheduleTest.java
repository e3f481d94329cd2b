package io.trajectory.warehouse.indicator;

import io.trajectory.warehouse.period.FiscalQuarter;
import io.trajectory.warehouse.rating.QuarterRating;
import io.trajectory.warehouse.rating.Rating;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportingScheduleTest {

    @Test
    void anAnnualIndicatorIsDueInQ4UnlessGivenAnotherQuarter() {
        ReportingSchedule q4 = ReportingSchedule.of(ReportingFrequency.ANNUAL, null);
        assertThat(q4.dueQuarter()).isEqualTo(4);
        assertThat(q4.isDue(FiscalQuarter.of(2007, 4))).isTrue();
        assertThat(q4.isDue(FiscalQuarter.of(2007, 3))).isFalse();
        assertThat(ReportingSchedule.annual(2).isDue(FiscalQuarter.of(2007, 2))).isTrue();
        assertThat(q4.notDueReason(FiscalQuarter.of(2007, 3))).isEqualTo("not due in 2007/08 Q3 (annual, due in Q4)");
    }

    @Test
    void quarterlyAndMonthlyIndicatorsAreDueEveryQuarter() {
        for (int q = 1; q <= 4; q++) {
            assertThat(ReportingSchedule.QUARTERLY.isDue(FiscalQuarter.of(2007, q))).isTrue();
            assertThat(ReportingSchedule.of(ReportingFrequency.MONTHLY, null).isDue(FiscalQuarter.of(2007, q))).isTrue();
        }
    }

    @Test
    void frequenciesAndDueQuartersAreReadAsPeopleWriteThemAndOthersRefusedNamingThem() {
        assertThat(ReportingFrequency.parse(" annually ")).isEqualTo(ReportingFrequency.ANNUAL);
        assertThat(ReportingFrequency.parse("Monthly")).isEqualTo(ReportingFrequency.MONTHLY);
        assertThat(ReportingSchedule.parseDueQuarter("quarter 2")).isEqualTo(2);
        assertThat(ReportingSchedule.parseDueQuarter("3")).isEqualTo(3);
        assertThatThrownBy(() -> ReportingFrequency.parse("Fortnightly")).hasMessageContaining("'Fortnightly'");
        assertThatThrownBy(() -> ReportingSchedule.parseDueQuarter("Q5")).hasMessageContaining("'Q5'");
        assertThatThrownBy(() -> ReportingSchedule.of(ReportingFrequency.QUARTERLY, 2))
                .hasMessageContaining("only for ANNUAL");
    }

    @Test
    void noRatingIsNotDueOnlyWhenNoFigureWasDue() {
        assertThat(QuarterRating.of(null, false, false)).isEqualTo(Rating.NOT_DUE);
        assertThat(QuarterRating.of(Rating.NOT_AVAILABLE, false, false)).isEqualTo(Rating.NOT_DUE);
        assertThat(QuarterRating.of(null, false, true)).isEqualTo(Rating.NOT_AVAILABLE);
        assertThat(QuarterRating.of(Rating.GREEN, false, false)).as("a figure given is taken as given").isEqualTo(Rating.GREEN);
        assertThat(QuarterRating.of(null, true, false)).isEqualTo(Rating.NO_TARGET);
        assertThat(QuarterRating.of(Rating.ENDED, false, false)).isEqualTo(Rating.ENDED);
    }
}
