package io.trajectory.api.security;

import io.trajectory.warehouse.cli.CommandLines;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ./trajectory hash-password} reading standard input, as a script runs it. */
class HashPasswordCommandTest {

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        StringWriter usage = new StringWriter();
        int exit;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            CommandLine commandLine = CommandLines.of(new HashPasswordCommand(null,
                    new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), o, e));
            commandLine.setErr(new PrintWriter(usage, true));
            exit = commandLine.execute(args);
        }
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8) + usage);
    }

    @Test
    void printsOneLineABcryptHashThatVerifiesThePasswordRead() {
        Run run = run("correct horse battery\n", "--cost", "10");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out().lines()).hasSize(1);
        PasswordHash hash = new PasswordHash(run.out().strip());
        assertThat(hash.text()).startsWith("$2a$10$");
        assertThat(hash.matches("correct horse battery")).isTrue();
        assertThat(hash.matches("correct horse battery\n")).isFalse();
        assertThat(hash.matches("correct horse")).isFalse();
    }

    @Test
    void usesCostTwelveUnlessTold() {
        assertThat(run("pw\n").out()).startsWith("$2a$12$");
    }

    @Test
    void readsOnlyTheFirstLineAndKeepsItsSpaces() {
        Run run = run(" two  words \r\nsecond line\n", "--cost", "10");

        assertThat(new PasswordHash(run.out().strip()).matches(" two  words ")).isTrue();
    }

    @Test
    void anEmptyPasswordOrNoInputIsAnError() {
        assertThat(run("\n", "--cost", "10")).satisfies(r -> {
            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.err()).contains("the password is empty");
            assertThat(r.out()).isEmpty();
        });
        assertThat(run("", "--cost", "10")).satisfies(r -> {
            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.err()).contains("no password on standard input");
        });
    }

    @Test
    void aPasswordBcryptCannotHoldIsAnError() {
        Run run = run("x".repeat(73) + "\n", "--cost", "10");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("longer than 72 bytes");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aCostOutsideTheRangeIsAUsageErrorNamingTheOption() {
        Run run = run("pw\n", "--cost", "4");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--cost must be 10 to 16, not 4");
        assertThat(run.out()).isEmpty();
    }
}
