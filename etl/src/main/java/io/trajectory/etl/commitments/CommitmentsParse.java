package io.trajectory.etl.commitments;

import java.util.List;

/**
 * What one commitments file yielded: the rows to load and the problems to quarantine. Every
 * non-blank table row of the file ends up in exactly one of the two (continuation rows are
 * folded into the row they continue).
 */
public record CommitmentsParse(List<CommitmentRow> rows, List<ParseProblem> problems) {

    public CommitmentsParse {
        rows = List.copyOf(rows);
        problems = List.copyOf(problems);
    }
}
