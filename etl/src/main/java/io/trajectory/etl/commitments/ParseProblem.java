package io.trajectory.etl.commitments;

import java.util.Objects;

/**
 * A landing-zone line that could not be loaded, bound for the quarantine table: bad input never
 * disappears, so the raw line travels with the reason.
 *
 * @param sourceFile the landing-zone file
 * @param line       1-based line in that file where the offending row starts
 * @param column     the column's header as written in the file (e.g. "Red/ Amber Green/Achieved"),
 *                   or null when the whole line is at fault
 * @param reason     what is wrong, in words a person can act on
 * @param rawLine    the line (or CSV record) exactly as read
 */
public record ParseProblem(String sourceFile, int line, String column, String reason, String rawLine) {

    public ParseProblem {
        Objects.requireNonNull(sourceFile, "sourceFile");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(rawLine, "rawLine");
    }
}
