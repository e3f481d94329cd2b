package io.trajectory.warehouse.query;

/** An area figures are reported for; code {@code ""} is the whole authority. */
public record AreaRow(int key, String code, String name, boolean wholeAuthority) {
}
