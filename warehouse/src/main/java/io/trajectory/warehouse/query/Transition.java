package io.trajectory.warehouse.query;

import io.trajectory.warehouse.rating.Rating;

/**
 * How many items were rated {@code from} in {@code fromPeriod} and {@code to} in {@code toPeriod},
 * in {@code area} (a code, {@code ""} for the whole authority, {@code all} for every area together).
 */
public record Transition(String fromPeriod, String toPeriod, String area, Rating from, Rating to, long count) {
}
