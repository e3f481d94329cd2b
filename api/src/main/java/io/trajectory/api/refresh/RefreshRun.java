package io.trajectory.api.refresh;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * One refresh: the ETL run as a child process after a sign-off (SCHEDULED) or on request
 * (REQUESTED), and how it ended: PUBLISHED a new snapshot, UNCHANGED (nothing new), FAILED
 * (the old snapshot keeps serving; {@code message} says why), or still RUNNING.
 */
@Serdeable
@MappedEntity("refresh_run")
public record RefreshRun(
        @Id String id,
        @MappedProperty("trigger_kind") String trigger,
        @Nullable String requestedBy,
        Instant startedAt,
        @Nullable Instant endedAt,
        String outcome,
        @Nullable Long rowsLoaded,
        @Nullable Long rowsQuarantined,
        @Nullable Integer snapshotVersion,
        @Nullable String signoffFingerprint,
        @Nullable String message) {

    public static final String RUNNING = "RUNNING";
    public static final String PUBLISHED = "PUBLISHED";
    public static final String UNCHANGED = "UNCHANGED";
    public static final String FAILED = "FAILED";

    RefreshRun ended(Instant at, String newOutcome, Long loaded, Long quarantined, Integer version, String why) {
        return new RefreshRun(id, trigger, requestedBy, startedAt, at, newOutcome, loaded, quarantined, version,
                signoffFingerprint, why);
    }
}
