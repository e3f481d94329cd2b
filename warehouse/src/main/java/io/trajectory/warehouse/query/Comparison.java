package io.trajectory.warehouse.query;

import java.util.List;

/**
 * Two quarters compared: counts per theme and rating, transitions, and what moved.
 *
 * @param movers      the items whose rating changed, at most the limit asked for
 * @param moversTotal how many items changed rating in all
 */
public record Comparison(List<ComparisonRow> rows, List<Transition> transitions, List<Mover> movers, long moversTotal) {
}
