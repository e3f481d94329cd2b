package io.trajectory.etl.commitments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.trajectory.warehouse.rating.Rating;
import org.junit.jupiter.api.Test;

class CommitmentRowTest {

    @Test
    void normaliseRef_dropsTrailingCont() {
        assertThat(CommitmentRow.normaliseRef("7. MTCS/ASC (cont)")).isEqualTo("7. MTCS/ASC");
        assertThat(CommitmentRow.normaliseRef("7. MTCS/ASC (Cont.)")).isEqualTo("7. MTCS/ASC");
        assertThat(CommitmentRow.normaliseRef("7. MTCS/ASC (continued)")).isEqualTo("7. MTCS/ASC");
        assertThat(CommitmentRow.normaliseRef("7. MTCS/ASC (cont")).isEqualTo("7. MTCS/ASC");
    }

    @Test
    void normaliseRef_dropsStrayOpenBracket() {
        assertThat(CommitmentRow.normaliseRef("LAA 1.2.2 (")).isEqualTo("LAA 1.2.2");
        assertThat(CommitmentRow.normaliseRef("LAA 1.2.2(")).isEqualTo("LAA 1.2.2");
    }

    @Test
    void normaliseRef_trimsAndCollapsesSpaces() {
        assertThat(CommitmentRow.normaliseRef("  CPA\u00A0 CEX   9 \t")).isEqualTo("CPA CEX 9");
    }

    @Test
    void normaliseRef_keepsNumberingStyleAsWritten() {
        assertThat(CommitmentRow.normaliseRef("7MTCS/CEX")).isEqualTo("7MTCS/CEX");
        assertThat(CommitmentRow.normaliseRef("2.MTCS/CS")).isEqualTo("2.MTCS/CS");
        assertThat(CommitmentRow.normaliseRef("LAA 2 (CYP)")).isEqualTo("LAA 2 (CYP)");
    }

    @Test
    void normaliseRef_blankOrNullGivesEmpty() {
        assertThat(CommitmentRow.normaliseRef(null)).isEmpty();
        assertThat(CommitmentRow.normaliseRef("   ")).isEmpty();
    }

    @Test
    void isContinued_recognisesOnlyATrailingContMarker() {
        assertThat(CommitmentRow.isContinued("7. MTCS/ASC (cont)")).isTrue();
        assertThat(CommitmentRow.isContinued("Priority text (CONT) ")).isTrue();
        assertThat(CommitmentRow.isContinued("7. MTCS/ASC")).isFalse();
        assertThat(CommitmentRow.isContinued("LAA 1.2.2 (")).isFalse();
    }

    @Test
    void constructor_rejectsBlankRefAndZeroItem() {
        assertThatIllegalArgumentException().isThrownBy(() -> new CommitmentRow("f", 1, " ", 1, null, null, null,
                "Red", Rating.RED, null, null, null, null));
        assertThatIllegalArgumentException().isThrownBy(() -> new CommitmentRow("f", 1, "X", 0, null, null, null,
                "Red", Rating.RED, null, null, null, null));
    }
}
