package io.trajectory.etl.job;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.trajectory.etl.job.TestLoads.rows;
import static io.trajectory.etl.job.TestLoads.value;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Loads tell the truth about what changed: a return delivered again with only its commitments
 * report changed writes no new revision of its figures, and one with a corrected figure writes a
 * new revision of that figure alone. Real Spark loads of the small fixture, its 2007/08 Q2 return
 * with a commitments report beside the indicator return.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReturnRevisionsLoadTest {

    private static final String FIGURES = """
            select indicator_ref, area_key, period_key, revision, actual, is_latest, source_line from fact_indicator_return
            order by indicator_ref, area_key, period_key, revision""";

    Path landing;
    Path data;
    List<List<String>> firstFigures;

    @BeforeAll
    void firstLoad(@TempDir Path tmp) throws Exception {
        landing = TestLoads.copy(TestLoads.resource("landing-small"), tmp.resolve("landing"));
        data = tmp.resolve("data");
        commitments("Red (Amber at Q1)", "Backlog after staff changes.");
        TestLoads.run(TestLoads.options(landing, data));
        firstFigures = rows(data, FIGURES);
    }

    @Test
    @Order(1)
    void theFirstLoadHasOneRevisionOfEachFigureAndTheReport() throws Exception {
        assertThat(firstFigures).isNotEmpty();
        assertThat(value(data, "select max(revision) from fact_indicator_return where period_key = 20072"))
                .as("T 1.1's Q1 figure is restated by the Q2 return, but no Q2 figure is revised").isEqualTo("1");
        assertThat(value(data, "select rating from fact_commitment_return")).isEqualTo("RED");
    }

    @Test
    @Order(2)
    void changingOnlyTheCommitmentsReportWritesNoNewRevisionOfTheFigures() throws Exception {
        commitments("Amber (Red at Q1)", "Backlog cleared in September.");

        TestLoads.Result r = TestLoads.run(TestLoads.options(landing, data));

        assertThat(r.summary().returnsLoaded()).as("the changed return is loaded again").isEqualTo(1);
        assertThat(r.summary().published().changed()).isTrue();
        assertThat(rows(data, FIGURES)).as("the same figures and revisions").isEqualTo(firstFigures);
        assertThat(rows(data, "select rating, comment from fact_commitment_return"))
                .as("the new report is the one in force")
                .containsExactly(List.of("AMBER", "Backlog cleared in September."));
        assertThat(value(data, "select loads from meta_return where return_period_key = 20072"))
                .as("one version of its indicator return").isEqualTo("1");
        assertThat(value(data, "select batch_id from meta_return where return_period_key = 20072"))
                .as("the latest load is the one in force").isEqualTo(r.summary().batchId());
    }

    @Test
    @Order(3)
    void correctingOneFigureWritesANewRevisionOfThatFigureAlone() throws Exception {
        Path q2 = landing.resolve("returns/2007-08-Q2/indicators.csv");
        String before = Files.readString(q2);
        String after = before.replace("T 1.2,2007/08 Q2,,47,GREEN", "T 1.2,2007/08 Q2,,48,GREEN");
        assertThat(after).isNotEqualTo(before);
        Files.writeString(q2, after);

        TestLoads.Result r = TestLoads.run(TestLoads.options(landing, data));

        assertThat(rows(data, """
                select f.revision, f.actual, f.is_latest, f.is_as_reported from fact_indicator_return f
                join dim_area a using (area_key)
                where f.indicator_ref = 'T 1.2' and a.is_whole_authority and f.period_key = 20072 order by revision"""))
                .containsExactly(List.of("1", "47.0", "false", "true"), List.of("2", "48.0", "true", "false"));
        assertThat(value(data, "select count(*) from fact_indicator_return where revision > 1 and period_key = 20072 "
                + "and not (indicator_ref = 'T 1.2' and period_key = 20072)"))
                .as("the return's other figures are unchanged, so not revised").isEqualTo("0");
        assertThat(value(data, "select loads from meta_return where return_period_key = 20072")).isEqualTo("2");
        assertThat(value(data, "select batch_id from fact_indicator_return where indicator_ref = 'T 1.2' "
                + "and period_key = 20072 and is_latest and area_key = (select area_key from dim_area where is_whole_authority)"))
                .isEqualTo(r.summary().batchId());
    }

    private void commitments(String status, String comment) throws Exception {
        Files.writeString(landing.resolve("returns/2007-08-Q2/commitments.txt"), """
                #### **Red Commitments**

                REF\tHigh Priorities\tWe Will Achieve\tResponsible Officer\tRed/ Amber Green/Achieved\tComments On Progress
                C 1\tFaster planning\tDecide 90%% of applications on time\tDee Ward\t%s\t%s
                """.formatted(status, comment));
    }
}
