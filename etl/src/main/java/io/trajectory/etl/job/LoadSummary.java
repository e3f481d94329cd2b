package io.trajectory.etl.job;

import io.trajectory.warehouse.load.LoadReport;
import io.trajectory.warehouse.load.LoadReport.HeldBackQuarter;
import io.trajectory.warehouse.load.LoadReport.Outcome;
import io.trajectory.warehouse.load.LoadReport.ReasonCount;
import io.trajectory.warehouse.publish.PublishResult;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a load did, for the closing summary, the JSON summary ({@link #toReport}) and tests.
 *
 * @param batchId          the lake batch written, or null when nothing was new
 * @param rowsRead         return rows read this load
 * @param rowsLoaded       return rows that passed validation this load
 * @param rowsQuarantined  rows quarantined this load (all files)
 * @param topReasons       the most common quarantine reasons with counts
 * @param quartersHeldBack quarters in the landing zone that were not published (not signed off)
 * @param timings          milliseconds per stage, in order
 */
public record LoadSummary(String batchId, int returnsLoaded, int returnsUnchanged, long rowsRead, long rowsLoaded,
                          long rowsQuarantined, Map<String, Long> topReasons, List<String> warnings,
                          PublishResult published, List<HeldBackQuarter> quartersHeldBack, Map<String, Long> timings,
                          Instant startedAt, Instant finishedAt) {

    public Duration took() {
        return Duration.between(startedAt, finishedAt);
    }

    /** The load as the JSON document {@code etl --summary} writes. */
    public LoadReport toReport(Path landing, Path dataDir) {
        List<ReasonCount> reasons = topReasons.entrySet().stream()
                .map(e -> new ReasonCount(e.getKey(), e.getValue())).toList();
        return new LoadReport(LoadReport.VERSION, published.changed() ? Outcome.PUBLISHED : Outcome.UNCHANGED,
                landing.toAbsolutePath().normalize().toString(), dataDir.toAbsolutePath().normalize().toString(),
                published.snapshot().version(), published.snapshot().file().toString(), published.latestPeriod(),
                published.factRows(), batchId, returnsLoaded, returnsUnchanged, rowsRead, rowsLoaded, rowsQuarantined,
                reasons, quartersHeldBack, warnings, timings, published.stepMillis(), startedAt.toString(),
                finishedAt.toString(), null);
    }
}
