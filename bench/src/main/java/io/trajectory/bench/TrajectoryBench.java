package io.trajectory.bench;

import io.trajectory.bench.load.BenchmarkCommand;
import io.trajectory.bench.service.ServiceBenchmark;
import io.trajectory.warehouse.cli.CommandLines;
import picocli.CommandLine.Command;

/**
 * Entry point of the benchmark jar: {@code benchmark} (a national-size load) and
 * {@code api-benchmark} (the service against raw DuckDB). The {@code ./trajectory} launcher runs
 * it with the ETL jar on the class path; what is measured runs in child JVMs.
 */
@Command(name = "trajectory", mixinStandardHelpOptions = true, version = "trajectory 0.1.0",
        description = "Trajectory benchmarks: the ETL at national size, and the service against raw DuckDB.",
        subcommands = {BenchmarkCommand.class, ServiceBenchmark.class})
public final class TrajectoryBench {

    public static void main(String[] args) {
        System.exit(CommandLines.execute(new TrajectoryBench(), args));
    }
}
