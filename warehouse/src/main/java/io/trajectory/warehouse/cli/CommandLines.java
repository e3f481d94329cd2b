package io.trajectory.warehouse.cli;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * How every {@code ./trajectory} command reads its command line (picocli): {@code --help}
 * prints the usage and exits 0; a usage error (exit 2) is one line naming the option, then a
 * pointer to {@code --help}, rather than the whole usage text.
 */
public final class CommandLines {

    private CommandLines() {
    }

    /** A picocli command line for {@code command} with Trajectory's usage-error handling. */
    public static CommandLine of(Object command) {
        return new CommandLine(command).setParameterExceptionHandler(CommandLines::usageError);
    }

    /** Parses {@code args}, runs the command and returns its exit code. */
    public static int execute(Object command, String... args) {
        return of(command).execute(args);
    }

    private static int usageError(ParameterException e, String[] args) {
        CommandLine commandLine = e.getCommandLine();
        PrintWriter err = commandLine.getErr();
        // picocli checks required options before unknown ones, so "generate --outt x" would say
        // "--out is missing"; the unknown option is the mistake to name.
        ParameterException reported = e;
        if (!(e instanceof UnmatchedArgumentException) && !commandLine.getUnmatchedArguments().isEmpty()) {
            reported = new UnmatchedArgumentException(commandLine, commandLine.getUnmatchedArguments());
        }
        err.println("error: " + reported.getMessage());
        UnmatchedArgumentException.printSuggestions(reported, err);
        err.println("Run './trajectory " + launcherName(commandLine) + "--help' for the options.");
        err.flush();
        return commandLine.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** {@code "etl "} for the ETL jar's {@code trajectory etl}; blank for the jar's root. */
    private static String launcherName(CommandLine commandLine) {
        List<String> names = new ArrayList<>();
        for (CommandLine c = commandLine; c != null; c = c.getParent()) {
            if (c.getParent() != null || !c.getCommandName().equals("trajectory")) {
                names.add(0, c.getCommandName());
            }
        }
        return names.isEmpty() ? "" : String.join(" ", names) + " ";
    }
}
