package io.trajectory.warehouse.query;

import java.time.Instant;

/** What a snapshot is: its version, when it was published and its latest quarter. */
public record SnapshotInfo(int version, Instant publishedAt, String latestPeriod, long rowsLoaded, long rowsQuarantined) {
}
