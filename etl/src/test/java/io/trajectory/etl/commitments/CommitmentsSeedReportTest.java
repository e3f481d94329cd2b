package io.trajectory.etl.commitments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.trajectory.warehouse.period.FiscalQuarter;
import io.trajectory.warehouse.rating.Rating;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real 2008/09 Q2 report excerpt in {@code shared/seeds}, when the checkout has it. */
class CommitmentsSeedReportTest {

    private static final String RED = "Red Commitments";
    private static final String AMBER_WAS_GREEN = "Commitments which are now Amber That Were Green Last Quarter";
    private static final FiscalQuarter Q1_2008 = FiscalQuarter.of(2008, 1);
    private static CommitmentsParse seed;

    @BeforeAll
    static void parseSeed() throws IOException {
        Optional<Path> path = CommitmentFixtures.seed();
        Assumptions.assumeTrue(path.isPresent(), "seed report not found above " + Path.of("").toAbsolutePath());
        try (Reader r = Files.newBufferedReader(path.get(), StandardCharsets.UTF_8)) {
            seed = CommitmentsReportParser.parse(CommitmentFixtures.SEED, r, FiscalQuarter.of(2008, 2));
        }
    }

    private static CommitmentRow row(String ref, int item) {
        return seed.rows().stream().filter(r -> r.ref().equals(ref) && r.item() == item).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + ref + " #" + item + " in " + seed.rows()));
    }

    @Test
    void readsSixteenLinesAndQuarantinesNothing() {
        assertThat(seed.rows()).extracting(CommitmentRow::ref, CommitmentRow::item).containsExactly(
                tuple("4. MTCS/CYP", 1), tuple("LAA 1.2.2", 1),
                tuple("7. MTCS/ASC", 1), tuple("7. MTCS/ASC", 2), tuple("7. MTCS/ASC", 3),
                tuple("1. MTCS/RES", 1), tuple("2 MTCS/CEX", 1), tuple("5 MTCS/CEX", 1), tuple("5 MTCS/CEX", 2),
                tuple("7MTCS/CEX", 1), tuple("4. MTCS/ASC", 1), tuple("2.MTCS/CS", 1), tuple("CPA Res 1", 1),
                tuple("CPA Res 2", 1), tuple("CPA CEX 1", 1), tuple("CPA CEX 9", 1));
        assertThat(seed.problems()).isEmpty();
    }

    @Test
    void endedWithTheRecTypoIsEndedKeepingTheUnreadableRatingInItsText() {
        CommitmentRow r = row("2 MTCS/CEX", 1);
        assertThat(r.line()).isEqualTo(24);
        assertThat(r.current()).isEqualTo(Rating.ENDED);
        assertThat(r.statedPrevious()).isNull();
        assertThat(r.statusText()).contains("<b>Rec</b>");
    }

    @Test
    void laa122UnderTheShiftedHeaderIsRedWasAmberAtQ1() {
        CommitmentRow r = row("LAA 1.2.2", 1);
        assertThat(r.line()).isEqualTo(12);
        assertThat(r.current()).isEqualTo(Rating.RED);
        assertThat(r.statedPrevious()).isEqualTo(Rating.AMBER);
        assertThat(r.statedPreviousPeriod()).isEqualTo(Q1_2008);
        assertThat(r.statusText()).isEqualTo("Red (Amber at Q1)");
        assertThat(r.achieve()).startsWith("Increase the number of under 18's in drug or alcohol treatment");
        assertThat(r.priority()).isEqualTo("CYP");
        assertThat(r.section()).isEqualTo(RED);
    }

    @Test
    void contRowsAreItemsContinuingTheirRef() {
        assertThat(seed.rows()).filteredOn(r -> r.ref().equals("7. MTCS/ASC"))
                .extracting(CommitmentRow::line, CommitmentRow::item, CommitmentRow::current)
                .containsExactly(tuple(15, 1, Rating.RED), tuple(18, 2, Rating.RED), tuple(19, 3, Rating.RED));
        CommitmentRow cont = row("7. MTCS/ASC", 2);
        assertThat(cont.achieve()).startsWith("Increase housing benefit recipients");
        assertThat(cont.priority()).isEqualTo("Maximise older people's income - increase take up of benefits");
        assertThat(row("7. MTCS/ASC", 3).achieve()).startsWith("Increase council tax benefit recipients");
    }

    @Test
    void commentOnlyRowAfterTheRepeatedHeaderIsAppendedToThePreviousItem() {
        String comment = row("7. MTCS/ASC", 3).comment();
        assertThat(comment).startsWith("The caseload reported here is as in Aug 08")
                .contains("\nFreephone facility from 15 to 26 Sep 08")
                .endsWith("have a dedicated Benefits Uptake team.");
    }

    @Test
    void cpaCex9StatesOnlyPreviousGreenSoItsSectionSaysItIsNowAmber() {
        CommitmentRow r = row("CPA CEX 9", 1);
        assertThat(r.current()).isEqualTo(Rating.AMBER);
        assertThat(r.statedPrevious()).isEqualTo(Rating.GREEN);
        assertThat(r.statedPreviousPeriod()).isEqualTo(Q1_2008);
        assertThat(r.officer()).isEqualTo("Andy Brown");
        assertThat(r.section()).isEqualTo(AMBER_WAS_GREEN);
    }

    @Test
    void endedAndMeasuredNationallyRowsStayInTheRedSection() {
        assertThat(row("5 MTCS/CEX", 1)).extracting(CommitmentRow::current, CommitmentRow::statedPrevious,
                CommitmentRow::statedPreviousPeriod, CommitmentRow::section)
                .containsExactly(Rating.ENDED, Rating.RED, FiscalQuarter.of(2007, 4), RED);
        assertThat(row("5 MTCS/CEX", 2)).extracting(CommitmentRow::achieve, CommitmentRow::current)
                .containsExactly("drugs LAA 7.21& 7.22", Rating.ENDED);
        assertThat(row("7MTCS/CEX", 1)).extracting(CommitmentRow::current, CommitmentRow::section)
                .containsExactly(Rating.RED, RED);
    }

    @Test
    void amberThatWasGreenSectionHoldsItsSixAmberRows() {
        assertThat(seed.rows()).filteredOn(r -> AMBER_WAS_GREEN.equals(r.section()) && r.current() == Rating.AMBER)
                .extracting(CommitmentRow::ref)
                .containsExactly("4. MTCS/ASC", "2.MTCS/CS", "CPA Res 1", "CPA Res 2", "CPA CEX 1", "CPA CEX 9");
        assertThat(seed.rows()).filteredOn(r -> AMBER_WAS_GREEN.equals(r.section()))
                .allSatisfy(r -> {
                    assertThat(r.statedPrevious()).isEqualTo(Rating.GREEN);
                    assertThat(r.statedPreviousPeriod()).isEqualTo(Q1_2008);
                });
    }
}
