package io.trajectory.etl.importer;

import java.util.List;

/** One record of a source file, with the line (or sheet row) it came from. */
record SourceRow(SourceTable table, long line, List<String> cells) {

    /** The cell under {@code column} (as the mapping names it), or null when the row is short. */
    String get(String column) {
        int i = table.indexOf(column);
        return i < 0 || i >= cells.size() ? null : cells.get(i);
    }

    /** "kpis.csv line 12", "returns.xlsx sheet Q1 row 7". */
    String where() {
        return table.where(line);
    }
}
