package io.trajectory.warehouse.publish;

/**
 * @param includeProvisional publish returns that are not signed off yet, marked provisional
 * @param force              build a new snapshot even when nothing has changed
 * @param keepSnapshots      how many complete snapshots to keep on disk (the current one always stays)
 */
public record PublishOptions(boolean includeProvisional, boolean force, int keepSnapshots) {

    public static PublishOptions defaults() {
        return new PublishOptions(false, false, 5);
    }
}
