package io.trajectory.warehouse.publish;

import io.trajectory.warehouse.snapshot.Snapshot;

import java.time.Duration;
import java.util.Map;

/**
 * @param snapshot the snapshot now current
 * @param changed  false when the lake and options were the same as the current snapshot's, so
 *                 nothing was published
 * @param stepMillis milliseconds of each publish step run ({@code 04_facts}, ...), in order; empty
 *                   when nothing changed
 */
public record PublishResult(Snapshot snapshot, boolean changed, long factRows, long quarantineRows,
                            String latestPeriod, Duration took, Map<String, Long> stepMillis) {
}
