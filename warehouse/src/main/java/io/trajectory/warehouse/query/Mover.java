package io.trajectory.warehouse.query;

/** An indicator or commitment whose rating changed between the two quarters compared. */
public record Mover(String ref, String title, String theme, String from, String to) {
}
