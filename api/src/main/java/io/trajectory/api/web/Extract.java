package io.trajectory.api.web;

/**
 * What can be written as an extract (CSV or Arrow, {@link ExtractWriters}): an {@link Answer}, or a
 * page's {@link Table} on its own.
 */
public sealed interface Extract permits Answer, Table {

    /** The rows to write. */
    Table<?> table();

    /** The snapshot the rows come from, sent as {@code X-Snapshot-Version}; null when not known. */
    Integer snapshotVersion();
}
