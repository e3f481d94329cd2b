package io.trajectory.warehouse.query;

import java.util.List;

/** Two quarters compared: counts per theme and rating, transitions, and what moved. */
public record Comparison(List<ComparisonRow> rows, List<Transition> transitions, List<Mover> movers) {
}
