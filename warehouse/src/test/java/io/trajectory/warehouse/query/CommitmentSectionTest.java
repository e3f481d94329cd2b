package io.trajectory.warehouse.query;

import io.trajectory.warehouse.period.FiscalQuarter;
import io.trajectory.warehouse.rating.Rating;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CommitmentSectionTest {

    private static final FiscalQuarter Q2 = FiscalQuarter.parse("2008/09 Q2");

    private static CommitmentRow row(String ref, Rating now, Rating stated, String statedPeriod, Rating recorded) {
        return new CommitmentRow("2008/09 Q2", ref, 1, "P", "A", "O", now, stated, statedPeriod, recorded, "",
                "", "", false, recorded != null && stated != null && recorded != stated);
    }

    @Test
    void theRecordedPreviousStatusDecidesTheSectionOverTheStatedOne() {
        CommitmentRow r = row("C1", Rating.AMBER, Rating.AMBER, "2008/09 Q1", Rating.GREEN);
        assertThat(CommitmentSection.of(r, Q2)).isEqualTo(CommitmentSection.AMBER_WAS_GREEN);
    }

    @Test
    void withNoRecordedStatusTheStatedOneCountsOnlyWhenItIsAboutLastQuarter() {
        assertThat(CommitmentSection.of(row("C1", Rating.GREEN, Rating.AMBER, "2008/09 Q1", null), Q2))
                .isEqualTo(CommitmentSection.GREEN_WAS_AMBER);
        assertThat(CommitmentSection.of(row("C2", Rating.GREEN, Rating.AMBER, "2007/08 Q4", null), Q2))
                .isEqualTo(CommitmentSection.GREEN);
    }

    @Test
    void everySectionIsListedInReportOrderEvenWhenEmpty() {
        List<CommitmentGroup> groups = CommitmentSection.group(List.of(
                row("C1", Rating.RED, null, null, Rating.RED), row("C2", Rating.ACHIEVED, null, null, Rating.GREEN)), Q2);
        assertThat(groups).extracting(CommitmentGroup::section).containsExactly(CommitmentSection.values());
        assertThat(groups.get(0).commitments()).extracting(CommitmentRow::ref).containsExactly("C1");
        assertThat(groups.get(5).commitments()).extracting(CommitmentRow::ref).containsExactly("C2");
    }
}
