package io.trajectory.api.snapshot;

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
 * using it finishes; no query ever sees it closed. Thread-safe.
 */
final class OpenSnapshot {

    private final Snapshot snapshot;
    private final Served info;
    private final DuckDBConnection root;
    private final AtomicInteger references = new AtomicInteger(1);
    private final AtomicBoolean retired = new AtomicBoolean();
    private volatile boolean closed;

    OpenSnapshot(Snapshot snapshot, Served info, DuckDBConnection root) {
        this.snapshot = snapshot;
        this.info = info;
        this.root = root;
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
}
