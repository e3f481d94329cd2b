package io.trajectory.warehouse.query;

/**
 * One area's figure in a benchmark, ranked within the comparison set by the indicator's polarity;
 * it names its indicator and quarter, so benchmarks can be stacked.
 *
 * @param rank     standard competition rank: 1 = best; ties share the better rank
 * @param of       how many areas of the set have a figure
 * @param quartile {@code floor((rank - 1) * 4 / of) + 1}: 1 = the best quarter of the set
 */
public record BenchmarkRow(String indicator, String period, String area, String areaName, double actual, int rank, int of,
                           int quartile) {
}
