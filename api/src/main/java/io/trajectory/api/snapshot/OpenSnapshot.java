package io.trajectory.api.snapshot;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.trajectory.warehouse.snapshot.Snapshot;
import org.duckdb.DuckDBConnection;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One snapshot file opened read-only, shared by every request, with a reference count: the
 * holder ({@link LiveSnapshot}) owns one reference and each query in flight one more. When the
 * holder retires it (a newer snapshot is live) the file closes as soon as the last query
 * using it finishes; no query ever sees it closed. Its answers are kept with it ({@link #answer}):
 * they are true for exactly as long as this file serves. Thread-safe.
 */
final class OpenSnapshot {

    private final Snapshot snapshot;
    private final Served info;
    private final DuckDBConnection root;
    private final AtomicInteger references = new AtomicInteger(1);
    private final AtomicBoolean retired = new AtomicBoolean();
    private volatile boolean closed;
    /** Null when the cache is off. */
    private final Cache<AnswerKey, Object> answers;

    OpenSnapshot(Snapshot snapshot, Served info, DuckDBConnection root, AnswerCacheConfig cache) {
        this.snapshot = snapshot;
        this.info = info;
        this.root = root;
        this.answers = cache.maxEntries() == 0 ? null : Caffeine.newBuilder().maximumSize(cache.maxEntries()).build();
    }

    Snapshot snapshot() {
        return snapshot;
    }

    Served info() {
        return info;
    }

    /** Takes a reference unless the snapshot has already closed; then the caller looks again. */
    boolean tryAcquire() {
        while (true) {
            int n = references.get();
            if (n == 0) {
                return false;
            }
            if (references.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    /** A connection of its own for one query (DuckDB connections are not shared between threads). */
    Connection connect() throws SQLException {
        return root.duplicate();
    }

    /**
     * The answer to {@code key}, worked out by {@code work} the first time it is asked on this
     * snapshot. Requests asking the same while it is being worked out wait for that one answer
     * rather than each running the query; a failure is not kept, so the next request tries again.
     */
    @SuppressWarnings("unchecked")
    <T> T answer(AnswerKey key, SnapshotWork<T> work) throws SQLException {
        if (answers == null) {
            return run(work);
        }
        try {
            return (T) answers.get(key, k -> {
                try {
                    return run(work);
                } catch (SQLException e) {
                    throw new FailedAnswer(e);
                }
            });
        } catch (FailedAnswer e) {
            throw e.getCause();
        }
    }

    <T> T run(SnapshotWork<T> work) throws SQLException {
        try (Connection c = connect()) {
            return work.apply(c, info);
        }
    }

    /** Answers kept, for the health report. */
    long answersKept() {
        return answers == null ? 0 : answers.estimatedSize();
    }

    void release() {
        if (references.decrementAndGet() == 0) {
            close();
        }
    }

    /** Drops the holder's reference, once. */
    void retire() {
        if (retired.compareAndSet(false, true)) {
            release();
        }
    }

    boolean isClosed() {
        return closed;
    }

    private void close() {
        closed = true;
        try {
            root.close();
        } catch (SQLException e) {
            // nothing can use it any more; the file is read-only, so nothing is lost
        }
    }

    /** Carries a query's failure out of the cache's loader. */
    private static final class FailedAnswer extends RuntimeException {
        FailedAnswer(SQLException cause) {
            super(cause);
        }

        @Override
        public synchronized SQLException getCause() {
            return (SQLException) super.getCause();
        }
    }
}
