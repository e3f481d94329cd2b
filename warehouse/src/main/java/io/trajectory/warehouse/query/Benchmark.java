package io.trajectory.warehouse.query;

import java.util.List;

/**
 * How areas compare on one indicator in one quarter.
 *
 * @param rows    every area of the comparison set with a figure, best first
 * @param summary the set's median, quartiles, best and worst
 * @param focus   the row of the area asked about, null when none was asked about or it has no figure
 */
public record Benchmark(List<BenchmarkRow> rows, BenchmarkSummary summary, BenchmarkRow focus) {
}
