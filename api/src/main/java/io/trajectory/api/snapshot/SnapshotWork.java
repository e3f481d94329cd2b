package io.trajectory.api.snapshot;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done on one snapshot with a connection of its own. */
@FunctionalInterface
public interface SnapshotWork<T> {
    T apply(Connection connection, Served snapshot) throws SQLException;
}
