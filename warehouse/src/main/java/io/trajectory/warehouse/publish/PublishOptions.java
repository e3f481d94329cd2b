package io.trajectory.warehouse.publish;

import java.util.Properties;

/**
 * @param includeProvisional publish returns that are not signed off yet, marked provisional
 * @param force              build a new snapshot even when nothing has changed
 * @param keepSnapshots      how many complete snapshots to keep on disk (the current one always stays)
 * @param memoryLimit        DuckDB's {@code memory_limit} while it builds the snapshot (e.g. {@code 2GB}; beyond
 *                           it DuckDB spills to disk beside the snapshot); null = DuckDB's default, 80% of memory
 * @param threads            DuckDB's {@code threads} while it builds the snapshot; 0 = DuckDB's default, every core
 */
public record PublishOptions(boolean includeProvisional, boolean force, int keepSnapshots, String memoryLimit,
                             int threads) {

    public PublishOptions {
        if (threads < 0) {
            throw new IllegalArgumentException("publish threads must be 0 (DuckDB's default) or more, not " + threads);
        }
        memoryLimit = memoryLimit == null || memoryLimit.isBlank() ? null : memoryLimit.strip();
    }

    /** With DuckDB's own memory limit and threads. */
    public PublishOptions(boolean includeProvisional, boolean force, int keepSnapshots) {
        this(includeProvisional, force, keepSnapshots, null, 0);
    }

    public static PublishOptions defaults() {
        return new PublishOptions(false, false, 5);
    }

    /** The DuckDB settings the snapshot is built with, as JDBC connection properties. */
    public Properties duckDbSettings() {
        Properties p = new Properties();
        if (memoryLimit != null) {
            p.setProperty("memory_limit", memoryLimit);
        }
        if (threads > 0) {
            p.setProperty("threads", Integer.toString(threads));
        }
        return p;
    }
}
