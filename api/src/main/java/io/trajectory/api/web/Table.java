package io.trajectory.api.web;

import java.util.List;
import java.util.Objects;

/**
 * The rows an extract carries (CSV or an Arrow IPC stream): one column per component of the
 * record type, in order, so an extract has the same field names as the JSON {@code data}.
 *
 * @param name the file name an extract is offered as, without extension
 */
public record Table<R extends Record>(String name, Class<R> type, List<R> rows) implements Extract {

    public Table {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        rows = List.copyOf(rows);
    }

    @Override
    public Table<?> table() {
        return this;
    }

    @Override
    public Integer snapshotVersion() {
        return null;
    }
}
