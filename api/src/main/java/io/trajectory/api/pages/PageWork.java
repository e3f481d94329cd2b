package io.trajectory.api.pages;

import io.trajectory.api.snapshot.Served;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/** What a page shows, worked out on the live snapshot: the template's model. */
@FunctionalInterface
interface PageWork {
    Map<String, Object> model(Connection c, Served info) throws SQLException;
}
