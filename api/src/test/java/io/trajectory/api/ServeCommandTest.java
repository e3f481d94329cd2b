package io.trajectory.api;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./trajectory serve}'s own options, read before anything starts: every case here ends
 * before Micronaut is built (LauncherIT runs the real thing).
 */
class ServeCommandTest {

    private record Run(int exit, String out, String err) {
    }

    private static Run serve(String... args) {
        CommandLine commandLine = Application.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exit = commandLine.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void helpPrintsTheUsageWithEveryOption() {
        Run run = serve("--help");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("Usage: serve").contains("--data=DIR", "--port=N", "--anonymous-read", "-KEY=VALUE");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void helpWinsOverEverythingElseOnTheLine() {
        assertThat(serve("--data", "/nowhere", "--port", "8080", "-micronaut.server.host=127.0.0.1", "--help").exit())
                .isZero();
    }

    @Test
    void anUnknownOptionIsAUsageErrorNamingIt() {
        Run run = serve("--data", "x", "--anonymous-reads");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: Unknown option: '--anonymous-reads'");
    }

    @Test
    void aMicronautSettingWithTwoDashesIsNotTakenForOne() {
        Run run = serve("--micronaut.server.port=8081");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown option: '--micronaut.server.port=8081'");
    }

    @Test
    void aStrayWordIsAUsageError() {
        Run run = serve("data");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("'data'").contains("-key=value");
    }

    @Test
    void aMissingOrBadPortNamesTheOption() {
        assertThat(serve("--port")).satisfies(r -> {
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.err()).contains("Missing required parameter for option '--port'");
        });
        assertThat(serve("--port", "eighty")).satisfies(r -> {
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.err()).contains("--port").contains("'eighty'");
        });
    }
}
