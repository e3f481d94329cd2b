package io.trajectory.etl.job;

import io.trajectory.warehouse.publish.PublishResult;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a load did, for the closing summary and for tests.
 *
 * @param batchId          the lake batch written, or null when nothing was new
 * @param rowsRead         return rows read this load
 * @param rowsLoaded       return rows that passed validation this load
 * @param rowsQuarantined  rows quarantined this load (all files)
 * @param topReasons       the most common quarantine reasons with counts
 */
public record LoadSummary(String batchId, int returnsLoaded, int returnsUnchanged, long rowsRead, long rowsLoaded,
                          long rowsQuarantined, Map<String, Long> topReasons, List<String> warnings,
                          PublishResult published, Duration took) {
}
