package io.trajectory.etl.job;

import io.trajectory.etl.landing.LandingZoneException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import static io.trajectory.etl.job.TestLoads.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Bad input gets a clear error naming the file, line or column, and loses nothing. A file that
 * cannot be read stops the load and the last good snapshot stays current and untouched; rows
 * that fail validation go to quarantine and the rest load.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {

    Path root;
    Path data;
    String snapshotSha;

    @BeforeAll
    void publishAGoodSnapshot(@TempDir Path tmp) throws Exception {
        root = tmp;
        data = tmp.resolve("data");
        TestLoads.run(TestLoads.options(TestLoads.copy(TestLoads.resource("landing-small"), tmp.resolve("good")), data));
        snapshotSha = sha(TestLoads.current(data).file());
    }

    private Path landingCopy(String name) {
        return TestLoads.copy(TestLoads.resource("landing-small"), root.resolve(name));
    }

    private void assertLastGoodSnapshotStillServes() throws Exception {
        assertThat(TestLoads.current(data).version()).isEqualTo(1);
        assertThat(sha(TestLoads.current(data).file())).isEqualTo(snapshotSha);
        assertThat(TestLoads.value(data, "select count(*) from fact_indicator_return")).isEqualTo("11");
        try (var files = Files.list(data.resolve("snapshots"))) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".partial"));
        }
    }

    @Test
    void missingRequiredColumnStopsTheLoadNamingFileAndColumn() throws Exception {
        Path landing = landingCopy("missing-column");
        Files.writeString(landing.resolve("returns/2007-08-Q3/indicators.csv"), "indicator_ref,area,actual\nT 1.1,,125\n");
        assertThatThrownBy(() -> TestLoads.run(TestLoads.options(landing, data)))
                .isInstanceOf(LandingZoneException.class)
                .hasMessageContaining("returns/2007-08-Q3/indicators.csv")
                .hasMessageContaining("missing required column period");
        assertLastGoodSnapshotStillServes();
    }

    @Test
    void unreadableFileStopsTheLoadNamingIt() throws Exception {
        Path landing = landingCopy("unreadable");
        Path file = landing.resolve("returns/2007-08-Q3/indicators.csv");
        Files.delete(file);
        Files.createSymbolicLink(file, landing.resolve("no-such-file.csv")); // unreadable even for root
        assertThatThrownBy(() -> TestLoads.run(TestLoads.options(landing, data)))
                .isInstanceOf(LandingZoneException.class)
                .hasMessageContaining("cannot read returns/2007-08-Q3/indicators.csv");
        assertLastGoodSnapshotStillServes();
    }

    @Test
    void malformedCsvStopsTheLoadNamingFileAndLine() throws Exception {
        Path landing = landingCopy("malformed");
        Files.writeString(landing.resolve("returns/2007-08-Q3/indicators.csv"), """
                indicator_ref,period,area,actual,rag,trend,data_status,comment,reported_by
                T 1.1,2007/08 Q3,,125,RED,,,fine,A Carter
                T 1.2,2007/08 Q3,,46,GREEN,,,"this quote never closes,B Singh
                T 1.3,2007/08 Q3,,330,AMBER,,,,C Moss
                """);
        Files.writeString(landing.resolve("returns/2007-08-Q3/signoff.json"),
                "{\"period\": \"2007/08 Q3\", \"signed_off_by\": \"x\", \"signed_off_at\": \"2008-01-25T09:30:00Z\"}");
        assertThatThrownBy(() -> TestLoads.run(TestLoads.options(landing, data)))
                .isInstanceOf(LandingZoneException.class)
                .hasMessageContaining("returns/2007-08-Q3/indicators.csv line 3")
                .hasMessageContaining("not valid CSV");
        assertLastGoodSnapshotStillServes();
    }

    @Test
    void signOffForAnotherQuarterStopsTheLoadNamingTheFile() throws Exception {
        Path landing = landingCopy("wrong-signoff");
        Files.writeString(landing.resolve("returns/2007-08-Q3/signoff.json"),
                "{\"period\": \"2007/08 Q2\", \"signed_off_by\": \"x\", \"signed_off_at\": \"2008-01-25T09:30:00Z\"}");
        assertThatThrownBy(() -> TestLoads.run(TestLoads.options(landing, data)))
                .isInstanceOf(LandingZoneException.class)
                .hasMessage("returns/2007-08-Q3/signoff.json signs off 2007/08 Q2 but sits in the folder for 2007/08 Q3:"
                        + " move it or correct its period");
        Files.writeString(landing.resolve("returns/2007-08-Q3/signoff.json"), "{\"period\": \"2007/08 Q3\",");
        assertThatThrownBy(() -> TestLoads.run(TestLoads.options(landing, data)))
                .isInstanceOf(LandingZoneException.class)
                .hasMessageStartingWith("returns/2007-08-Q3/signoff.json is not valid JSON");
        assertLastGoodSnapshotStillServes();
    }

    /** Everything wrong at row level at once: one Spark load, every problem in quarantine. */
    @Test
    void rowLevelProblemsAreQuarantinedWithFileLineColumnAndReasonAndTheRestLoads(@TempDir Path tmp) throws Exception {
        Path landing = landingCopy("messy");
        Path messyData = tmp.resolve("data");
        Files.writeString(landing.resolve("definitions/indicators.csv"), Files.readString(landing.resolve("definitions/indicators.csv"))
                + "T 1.5,,Sideways indicator,Safer,SIDEWAYS_IS_BETTER,count,LEVEL,,,,,,N,Bo Singh,2007/08 Q1\n");
        Files.writeString(landing.resolve("returns/2007-08-Q3/indicators.csv"), """
                indicator_ref,period,area,actual,rag,trend,data_status,comment,reported_by
                T 1.1,2007/08 Q3,,125,RED,WORSENING,,,A Carter
                T 1.2,2007/08 Q3,,46,GREEN,,,,B Singh
                T 1.2,2007/08 Q3,,44,GREEN,,,,B Singh
                T 1.3,2007/08 Q4,,330,AMBER,,,,C Moss
                T 1.5,2007/08 Q3,,1,GREEN,,,,B Singh
                T 1.1,2007/08 Q3,North,60,PURPLE,,,,A Carter,extra
                """);
        Path unknownQuarter = Files.createDirectories(landing.resolve("returns/2007-08-Q7"));
        Files.writeString(unknownQuarter.resolve("indicators.csv"), "indicator_ref,period,actual\nT 1.1,2007/08 Q3,1\n");
        Files.writeString(landing.resolve("returns/2007-08-Q2/commitments.txt"), """
                #### **Red Commitments**

                REF\tHigh Priorities\tWe Will Achieve\tResponsible Officer\tRed/ Amber Green/Achieved\tComments On Progress
                C 1\tFaster planning\tDecide 90% of applications on time\tDee Ward\tRed (Amber at Q1)\tBacklog after staff changes.
                C 2\tCleaner streets\tCut fly-tipping by a tenth\tEd Fox\tPurple-ish\tNot sure what to say.
                """);
        TestLoads.Result r = TestLoads.run(TestLoads.options(landing, messyData));
        assertThat(r.summary().published().snapshot().version()).isEqualTo(1);

        List<List<String>> q = rows(messyData,
                "select source_file, line, column_name, reason from meta_quarantine order by source_file, line, column_name");
        assertThat(q).contains(
                List.of("definitions/indicators.csv", "7", "polarity",
                        "Unrecognised polarity 'SIDEWAYS_IS_BETTER'; expected HIGHER_IS_BETTER or LOWER_IS_BETTER"),
                List.of("returns/2007-08-Q2/commitments.txt", "5", "Red/ Amber Green/Achieved",
                        q.stream().filter(x -> x.get(0).endsWith("commitments.txt")).findFirst().orElseThrow().get(3)),
                List.of("returns/2007-08-Q3/indicators.csv", "5", "period",
                        "figure for 2007/08 Q4 in the 2007/08 Q3 return: a return may report its own quarter or restate an earlier one, not a later one"),
                List.of("returns/2007-08-Q3/indicators.csv", "6", "indicator_ref",
                        "unknown indicator 'T 1.5': not in definitions/indicators.csv"),
                List.of("returns/2007-08-Q3/indicators.csv", "7", "rag",
                        "Unrecognised rating 'PURPLE'; expected GREEN, AMBER, RED, ACHIEVED, NOT_AVAILABLE, ENDED, NO_TARGET or blank"),
                List.of("returns/2007-08-Q3/indicators.csv", "7", "null", "row has 10 cells but the header has 9 (an unquoted comma?)"));
        assertThat(q).filteredOn(x -> x.get(0).equals("returns/2007-08-Q3/indicators.csv") && (x.get(1).equals("3") || x.get(1).equals("4")))
                .extracting(x -> x.get(3))
                .containsOnly("conflicting rows for T 1.2 (whole authority) in 2007/08 Q3 at lines 3, 4: correct the return so it has one");
        assertThat(q).filteredOn(x -> x.get(0).equals("returns/2007-08-Q7/indicators.csv"))
                .extracting(x -> x.get(3)).singleElement().asString().startsWith("return folder '2007-08-Q7' is not a quarter");
        assertThat(q.stream().filter(x -> x.get(0).endsWith("commitments.txt")).findFirst().orElseThrow().get(3)).contains("Purple-ish");
        // The good rows still load: T 1.1 whole-authority for Q3 is published with --provisional, and C 1 is in.
        assertThat(rows(messyData, "select count(*) from fact_commitment_return")).containsExactly(List.of("1"));
        // The register, the fixture's own Q2 return, the new Q3 rows, the Q7 folder and the report.
        assertThat(TestLoads.value(messyData, "select count(*) from meta_source_file where rows_quarantined > 0")).isEqualTo("5");
    }

    private static String sha(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
