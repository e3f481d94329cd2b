package io.trajectory.api.web;

import io.micronaut.http.HttpRequest;
import io.trajectory.api.snapshot.AnswerKey;
import io.trajectory.api.snapshot.LiveSnapshot;
import io.trajectory.api.snapshot.SnapshotWork;
import jakarta.inject.Singleton;

import java.sql.SQLException;

/**
 * Answers worked out on the live snapshot, kept with it: the same question asked again on the same
 * snapshot is answered without running its queries. Extracts (CSV, Arrow) are worked out every
 * time: they are large, and taken once.
 */
@Singleton
public final class SnapshotAnswers {

    private final LiveSnapshot snapshot;

    public SnapshotAnswers(LiveSnapshot snapshot) {
        this.snapshot = snapshot;
    }

    /** The answer to {@code request}, kept unless it asks for an extract. */
    public <T> T answer(HttpRequest<?> request, SnapshotWork<T> work) throws SQLException {
        return ExtractFormat.of(request).isExtract() ? snapshot.query(work) : snapshot.answer(AnswerKey.of(request), work);
    }
}
