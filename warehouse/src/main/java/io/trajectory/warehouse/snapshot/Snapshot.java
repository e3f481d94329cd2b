package io.trajectory.warehouse.snapshot;

import java.nio.file.Path;

/** One published, complete, never-modified warehouse file. */
public record Snapshot(int version, Path file) {

    /** JDBC URL that opens the snapshot read-only (options after {@code ;}, not {@code ?}). */
    public String readOnlyUrl() {
        return "jdbc:duckdb:" + file.toAbsolutePath() + ";access_mode=READ_ONLY";
    }
}
