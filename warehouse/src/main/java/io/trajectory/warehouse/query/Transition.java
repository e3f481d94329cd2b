package io.trajectory.warehouse.query;

/** How many items were rated {@code from} in the first quarter and {@code to} in the second. */
public record Transition(String from, String to, long count) {
}
