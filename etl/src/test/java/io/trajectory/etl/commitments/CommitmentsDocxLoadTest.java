package io.trajectory.etl.commitments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trajectory.etl.job.TestLoads;
import io.trajectory.etl.landing.LandingZoneException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A return whose commitments report is the Word document, through a real load. */
class CommitmentsDocxLoadTest {

    @TempDir
    Path dir;

    @Test
    void wordReportLoadsItsCommitmentsWithLineage() throws Exception {
        Path landing = TestLoads.copy(TestLoads.resource("landing-small"), dir.resolve("landing"));
        Files.write(landing.resolve("returns/2007-08-Q1/commitments.docx"), CommitmentsDocxReaderTest.equivalentDocument());
        TestLoads.run(TestLoads.options(landing, dir.resolve("data")));
        assertThat(TestLoads.rows(dir.resolve("data"), "select c.commitment_ref, c.item, f.rating, f.source_file from fact_commitment_return as f "
                + "join dim_commitment as c using (commitment_key) order by f.source_line")).containsExactly(
                List.of("3. HSG/ADL", "1", "RED", "returns/2007-08-Q1/commitments.docx"),
                List.of("3. HSG/ADL", "2", "RED", "returns/2007-08-Q1/commitments.docx"),
                List.of("7SAF/CEX", "1", "RED", "returns/2007-08-Q1/commitments.docx"),
                List.of("2.EDU/CYP", "1", "AMBER", "returns/2007-08-Q1/commitments.docx"),
                List.of("CPA CEX 4", "1", "AMBER", "returns/2007-08-Q1/commitments.docx"));
        assertThat(TestLoads.rows(dir.resolve("data"),
                "select count(*) from meta_quarantine where source_file like '%.docx'")).containsExactly(List.of("0"));
    }

    @Test
    void corruptWordReportStopsTheLoadNamingTheFileAndPublishesNothing() throws Exception {
        Path landing = TestLoads.copy(TestLoads.resource("landing-small"), dir.resolve("landing"));
        byte[] good = CommitmentsDocxReaderTest.equivalentDocument();
        Files.write(landing.resolve("returns/2007-08-Q1/commitments.docx"), Arrays.copyOf(good, good.length / 3));
        assertThatThrownBy(() -> TestLoads.run(TestLoads.options(landing, dir.resolve("data"))))
                .isInstanceOf(LandingZoneException.class)
                .hasMessageStartingWith("returns/2007-08-Q1/commitments.docx: cannot be read as a Word document (.docx)");
        assertThat(Files.exists(dir.resolve("data/current"))).isFalse();
    }
}
