package io.trajectory.api.refresh;

/**
 * Announced (as a Micronaut application event) after a refresh has published a new snapshot and
 * the service has switched to it, so what follows a new quarter (the report pack) can be written.
 */
public record SnapshotPublished(String refreshId, Integer snapshotVersion) {
}
