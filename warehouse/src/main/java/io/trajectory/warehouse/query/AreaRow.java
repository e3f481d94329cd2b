package io.trajectory.warehouse.query;

/**
 * An area figures are reported for; code {@code ""} is the whole authority.
 *
 * @param type       {@code whole authority}, or the kind {@code definitions/areas.csv} gives ({@code area} by default)
 * @param parentCode the code of the area this one lies within, or null
 * @param hasFigures whether any published figure is for this area
 */
public record AreaRow(int key, String code, String name, boolean wholeAuthority, String type, String parentCode,
                      boolean hasFigures) {
}
