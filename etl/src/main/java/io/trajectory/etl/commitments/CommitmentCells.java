package io.trajectory.etl.commitments;

/**
 * One table row of a commitments file with its cells already mapped to columns, before
 * continuation rows are joined: the common ground of the report text and the CSV.
 *
 * @param statusColumn the status column's header as written, for problems
 */
record CommitmentCells(
        int line,
        String rawLine,
        String ref,
        String priority,
        String achieve,
        String officer,
        String status,
        String comment,
        String statusColumn) {

    boolean isBlank() {
        return blank(ref) && blank(priority) && blank(achieve) && blank(officer) && blank(status) && blank(comment);
    }

    static boolean blank(String s) {
        return s == null || s.replace('\u00A0', ' ').isBlank();
    }
}
