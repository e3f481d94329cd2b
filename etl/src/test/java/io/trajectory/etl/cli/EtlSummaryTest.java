package io.trajectory.etl.cli;

import io.trajectory.etl.job.TestLoads;
import io.trajectory.warehouse.load.LoadReport;
import io.trajectory.warehouse.load.LoadReport.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code etl --summary FILE} when the load fails: the summary is written all the same, says why
 * naming the file, and has no counts. (A real load's summary is checked in LoadScenarioTest, and
 * through the jar by the service's refresh tests.)
 */
class EtlSummaryTest {

    @Test
    void aPublishMemoryThatIsNotASizeIsAUsageErrorNamingTheOption(@TempDir Path tmp) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new CommandLine(new EtlCommand(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))).execute("--landing", tmp.toString(),
                "--data", tmp.resolve("data").toString(), "--publish-memory", "lots");
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--publish-memory", "2GB", "'lots'");
        assertThat(tmp.resolve("data")).doesNotExist();
    }

    @Test
    void aFailedLoadWritesASummarySayingWhyNamingTheFile(@TempDir Path tmp) throws Exception {
        Path landing = TestLoads.copy(TestLoads.resource("landing-small"), tmp.resolve("landing"));
        Files.delete(landing.resolve("definitions/indicators.csv"));
        Path file = tmp.resolve("out/summary.json");
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = new CommandLine(new EtlCommand(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))).execute("--landing", landing.toString(),
                "--data", tmp.resolve("data").toString(), "--summary", file.toString());
        LoadReport s = LoadReport.read(file);

        assertThat(exit).isEqualTo(1);
        assertThat(s.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(s.error()).contains("definitions/indicators.csv").contains("missing");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(s.error());
        assertThat(s.snapshotVersion()).as("nothing has ever been published here").isNull();
        assertThat(s.rowsRead()).isNull();
        assertThat(s.batchId()).isNull();
        assertThat(s.timings()).containsOnlyKeys("scan");
        assertThat(s.landing()).isEqualTo(landing.toAbsolutePath().toString());
    }
}
