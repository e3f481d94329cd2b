package io.trajectory.etl.definitions;

/**
 * An area from {@code definitions/areas.csv}: its code, the name people know it by, the area it
 * lies within (blank = none) and its kind (e.g. authority, district).
 */
public record AreaDefinition(String code, String name, String parent, String type, String sourceFile, long sourceLine) {
}
