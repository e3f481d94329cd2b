package io.trajectory.etl.cli;

import io.trajectory.etl.generate.GenerateCommand;
import io.trajectory.etl.importer.ImportCommand;
import io.trajectory.warehouse.cli.CommandLines;
import picocli.CommandLine.Command;

/** Entry point of the ETL jar: {@code etl}, {@code generate} and {@code import}. The {@code ./trajectory} launcher calls it. */
@Command(name = "trajectory", mixinStandardHelpOptions = true, version = "trajectory 0.1.0",
        description = "Trajectory ETL: load quarterly returns (Spark) and publish warehouse snapshots (DuckDB).",
        subcommands = {EtlCommand.class, GenerateCommand.class, ImportCommand.class})
public final class TrajectoryEtl {

    public static void main(String[] args) {
        System.exit(CommandLines.execute(new TrajectoryEtl(), args));
    }
}
