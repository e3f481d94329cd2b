package io.trajectory.api.refresh;

import io.trajectory.warehouse.load.LoadReport;
import io.trajectory.warehouse.load.LoadReport.HeldBackQuarter;
import io.trajectory.warehouse.load.LoadReport.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** How a refresh is recorded from the summary file the ETL writes (or does not write). */
class RefreshOutcomeTest {

    @TempDir
    Path dir;

    private final RefreshRun running = new RefreshRun("r1", "REQUESTED", "admin", Instant.now(), null,
            RefreshRun.RUNNING, null, null, null, "fp", null);

    private LoadReport ended(Outcome outcome, Integer version, List<HeldBackQuarter> heldBack) {
        Instant start = Instant.parse("2026-11-23T07:38:00Z");
        return new LoadReport(LoadReport.VERSION, outcome, "/landing", "/data", version, "/data/snapshots/v.duckdb",
                "2007/08 Q2", 14L, "b000001", 3, 0, 18L, 14L, 4L, List.of(), heldBack, List.of(),
                Map.of("scan", 5L), Map.of(), start.toString(), start.plusSeconds(20).toString(), null);
    }

    @Test
    void anEtlThatWroteNoSummaryWasStoppedAndIsAFailure() {
        RefreshRun run = RefreshService.outcome(running, 137, dir.resolve("absent.json"), dir.resolve("r1.log"));

        assertThat(run.outcome()).isEqualTo(RefreshRun.FAILED);
        assertThat(run.message()).contains("exited with code 137", "without writing its summary", "r1.log");
        assertThat(run.rowsLoaded()).isNull();
        assertThat(run.endedAt()).isNotNull();
    }

    @Test
    void aFailedLoadIsRecordedWithTheErrorItNamedAndTheSnapshotStillServing() throws IOException {
        Path summary = dir.resolve("s.json");
        Instant now = Instant.now();
        LoadReport.failed(dir, dir, 4, List.of(), Map.of(), now, now,
                "returns/2007-08-Q1/indicators.csv line 3: unbalanced quote").write(summary);

        RefreshRun run = RefreshService.outcome(running, 1, summary, dir.resolve("r1.log"));

        assertThat(run.outcome()).isEqualTo(RefreshRun.FAILED);
        assertThat(run.message()).startsWith("returns/2007-08-Q1/indicators.csv line 3: unbalanced quote")
                .contains("snapshot v4 is still serving");
        assertThat(run.snapshotVersion()).isNull();
    }

    @Test
    void aPublishedLoadRecordsItsRowsVersionAndTheQuartersHeldBack() throws IOException {
        Path summary = dir.resolve("s.json");
        ended(Outcome.PUBLISHED, 2, List.of(new HeldBackQuarter("2007/08 Q3", "returns/2007-08-Q3", "not signed off")))
                .write(summary);

        RefreshRun run = RefreshService.outcome(running, 0, summary, dir.resolve("r1.log"));

        assertThat(run.outcome()).isEqualTo(RefreshRun.PUBLISHED);
        assertThat(run.rowsLoaded()).isEqualTo(14);
        assertThat(run.rowsQuarantined()).isEqualTo(4);
        assertThat(run.snapshotVersion()).isEqualTo(2);
        assertThat(run.message()).isEqualTo("Held back: 2007/08 Q3 (not signed off).");
    }

    @Test
    void anUnchangedLoadSaysNothingWasNew() throws IOException {
        Path summary = dir.resolve("s.json");
        ended(Outcome.UNCHANGED, 2, List.of()).write(summary);

        RefreshRun run = RefreshService.outcome(running, 0, summary, dir.resolve("r1.log"));

        assertThat(run.outcome()).isEqualTo(RefreshRun.UNCHANGED);
        assertThat(run.snapshotVersion()).isEqualTo(2);
        assertThat(run.message()).isEqualTo("Nothing new to load; the snapshot is unchanged.");
    }

    @Test
    void aSummaryThatCannotBeReadIsAFailureNamingIt() throws IOException {
        Path summary = dir.resolve("s.json");
        Files.writeString(summary, "{\"outcome\": ");

        RefreshRun run = RefreshService.outcome(running, 0, summary, dir.resolve("r1.log"));

        assertThat(run.outcome()).isEqualTo(RefreshRun.FAILED);
        assertThat(run.message()).contains("cannot read the load summary " + summary);
    }
}
