package io.trajectory.warehouse.query;

/**
 * A comparison set's figures in one quarter: how many areas had one, the median and the quartiles
 * (interpolated between figures, as DuckDB's {@code quantile_cont} and Excel's QUARTILE.INC;
 * {@code lowerQuartile} is the lower value, whatever the polarity), and the best and worst figures
 * by the indicator's polarity. Values are null when no area had a figure.
 */
public record BenchmarkSummary(int count, Double median, Double lowerQuartile, Double upperQuartile, Double best,
                               Double worst) {
}
