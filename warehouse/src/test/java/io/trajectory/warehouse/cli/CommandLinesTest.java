package io.trajectory.warehouse.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/** The usage-error handling every ./trajectory command shares. */
class CommandLinesTest {

    @Command(name = "load")
    static final class Load implements Callable<Integer> {
        @Option(names = {"-h", "--help"}, usageHelp = true)
        boolean help;

        @Option(names = "--landing", required = true, paramLabel = "DIR")
        String landing;

        @Option(names = "--quarters", paramLabel = "Q")
        int quarters;

        boolean ran;

        @Override
        public Integer call() {
            ran = true;
            return 0;
        }
    }

    private record Run(int exit, String out, String err, Load command) {
    }

    private static Run run(String... args) {
        Load load = new Load();
        CommandLine commandLine = CommandLines.of(load);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exit = commandLine.execute(args);
        return new Run(exit, out.toString(), err.toString(), load);
    }

    @Test
    void anUnknownOptionIsNamedEvenWhenARequiredOneIsMissing() {
        Run run = run("--landnig", "x");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: Unknown option").contains("'--landnig'")
                .doesNotContain("Missing required option");
        assertThat(run.command().ran).isFalse();
    }

    @Test
    void anUnknownOptionSuggestsTheNearestAndPointsAtHelp() {
        Run run = run("--landing", "x", "--quarter", "3");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("'--quarter'").contains("--quarters")
                .contains("Run './trajectory load --help' for the options.");
    }

    @Test
    void aMissingValueNamesTheOption() {
        Run run = run("--landing");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: Missing required parameter for option '--landing'");
    }

    @Test
    void aBadValueNamesTheOptionAndTheValue() {
        Run run = run("--landing", "x", "--quarters", "many");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--quarters").contains("'many'");
    }

    @Test
    void aUsageErrorIsShortNotTheWholeUsage() {
        assertThat(run("--landnig", "x").err().lines()).hasSizeLessThanOrEqualTo(3);
    }

    @Test
    void helpPrintsTheUsageAndRunsNothing() {
        Run run = run("--help");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("Usage: load");
        assertThat(run.err()).isEmpty();
        assertThat(run.command().ran).isFalse();
    }
}
