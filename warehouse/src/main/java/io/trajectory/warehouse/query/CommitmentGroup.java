package io.trajectory.warehouse.query;

import java.util.List;

/** A section of a commitments report and the commitments in it, in the report's order. */
public record CommitmentGroup(CommitmentSection section, List<CommitmentRow> commitments) {

    public String id() {
        return section.id();
    }

    public String title() {
        return section.title();
    }
}
