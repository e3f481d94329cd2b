package io.trajectory.warehouse.query;

/** A theme (block) of the agreement, in report order, with its number of indicators. */
public record ThemeRow(String theme, int indicators) {
}
