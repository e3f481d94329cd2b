package io.trajectory.etl.definitions;

/** A member of a comparison group (a row of {@code definitions/comparison_groups.csv}). */
public record GroupMember(String group, String area, String sourceFile, long sourceLine) {
}
