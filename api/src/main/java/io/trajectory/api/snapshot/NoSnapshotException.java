package io.trajectory.api.snapshot;

/** No snapshot has been published under the data folder yet. */
public final class NoSnapshotException extends RuntimeException {

    public NoSnapshotException(String message) {
        super(message);
    }
}
