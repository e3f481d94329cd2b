package io.trajectory.api.security;

import io.trajectory.warehouse.cli.CommandLines;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;

/**
 * {@code ./trajectory hash-password}: reads a password and prints its BCrypt hash, the line to
 * put in configuration as a user's password. At a terminal it asks twice, without echo; otherwise
 * it reads one line from standard input, so scripts can pipe a password in.
 */
@Command(name = "hash-password", sortOptions = false,
        description = {
                "Reads a password and prints its BCrypt hash (slow and salted) on standard output, to put in "
                        + "configuration as a user's password: trajectory.security.users.<name>.password in "
                        + "application.yml, or the environment variable it is read from (TRAJECTORY_ADMIN_PASSWORD, ...).",
                "At a terminal it asks for the password twice without showing it; otherwise it reads the first line "
                        + "of standard input (a script can pipe the password in)."})
public final class HashPasswordCommand implements Callable<Integer> {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @CommandLine.Spec
    CommandSpec spec;

    @Option(names = "--cost", paramLabel = "N", defaultValue = "" + PasswordHash.DEFAULT_COST,
            description = "BCrypt cost: 2^N rounds, " + PasswordHash.MIN_COST + " to " + PasswordHash.MAX_COST
                    + " (default: ${DEFAULT-VALUE}). Each step doubles the time one login, or one guess, takes.")
    int cost;

    private final Console console;
    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;

    public HashPasswordCommand() {
        this(System.console(), System.in, System.out, System.err);
    }

    /** {@code console} null: read standard input. */
    HashPasswordCommand(Console console, InputStream in, PrintStream out, PrintStream err) {
        this.console = console;
        this.in = in;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(CommandLines.execute(new HashPasswordCommand(), args));
    }

    @Override
    public Integer call() throws IOException {
        if (cost < PasswordHash.MIN_COST || cost > PasswordHash.MAX_COST) {
            throw new ParameterException(spec.commandLine(),
                    "--cost must be " + PasswordHash.MIN_COST + " to " + PasswordHash.MAX_COST + ", not " + cost);
        }
        String password = console != null ? fromConsole() : fromStandardInput();
        if (password == null) {
            return 1;
        }
        if (password.isEmpty()) {
            err.println("error: the password is empty");
            return 1;
        }
        if (!PasswordHash.fitsBcrypt(password)) {
            err.println("error: the password is longer than " + PasswordHash.MAX_PASSWORD_BYTES
                    + " bytes, more than BCrypt can check; choose a shorter one");
            return 1;
        }
        PasswordHash hash = PasswordHash.of(password, cost);
        out.println(hash.text());
        out.flush();
        if (console != null) {
            err.println("Put it in application.yml as the user's password, in single quotes:");
            err.println("    password: '" + hash.text() + "'");
            err.println("or in the environment variable the password is read from, e.g.");
            err.println("    TRAJECTORY_ADMIN_PASSWORD='" + hash.text() + "'");
        }
        return 0;
    }

    private String fromConsole() {
        char[] first = console.readPassword("Password: ");
        char[] again = first == null ? null : console.readPassword("Again: ");
        try {
            if (first == null || again == null) {
                err.println("error: no password given");
                return null;
            }
            if (!Arrays.equals(first, again)) {
                err.println("error: the two passwords differ; nothing was hashed");
                return null;
            }
            return new String(first);
        } finally {
            if (first != null) {
                Arrays.fill(first, '\0');
            }
            if (again != null) {
                Arrays.fill(again, '\0');
            }
        }
    }

    private String fromStandardInput() throws IOException {
        String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
        if (line == null) {
            err.println("error: no password on standard input (give it as the first line)");
        }
        return line;
    }
}
