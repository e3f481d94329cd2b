package io.trajectory.api;

import io.micronaut.context.env.Environment;
import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import io.trajectory.api.security.PasswordConfigException;
import io.trajectory.warehouse.cli.CommandLines;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

/**
 * The Trajectory service, {@code ./trajectory serve}: {@code --data DIR}, {@code --port N},
 * {@code --anonymous-read}, and Micronaut's own {@code -key=value} settings passed through.
 */
@OpenAPIDefinition(info = @Info(title = "Trajectory", version = "1",
        description = "Trend, trajectory-gap and cross-quarter questions over a council's published performance "
                + "warehouse, each answered with data, a Vega-Lite chart and metadata; CSV and Arrow extracts."))
@Command(name = "serve", sortOptions = false,
        description = {"Serves the snapshot DIR/current names over HTTP: JSON answers with Vega-Lite charts, CSV and "
                + "Arrow extracts, the scrutiny pages. Switches to a newer snapshot without a restart.",
                "Every setting in application.yml can also be given as an environment variable "
                        + "(TRAJECTORY_ADMIN_PASSWORD, TRAJECTORY_LANDING, ...); see the README."})
public final class Application implements Callable<Integer> {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    /** Micronaut's {@code -key=value} (one dash): anything else that starts with a dash is a mistake. */
    private static final Pattern SETTING = Pattern.compile("-[A-Za-z][^=\\s]*=.*", Pattern.DOTALL);

    @CommandLine.Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR",
            description = "The data folder the ETL publishes to (default: $TRAJECTORY_DATA, else ./data).")
    Path data;

    @Option(names = "--port", paramLabel = "N", description = "HTTP port (default: $TRAJECTORY_PORT, else 8080).")
    Integer port;

    @Option(names = "--anonymous-read",
            description = "Anyone may read the answers and pages without logging in (a public scrutiny site).")
    boolean anonymousRead;

    @Parameters(paramLabel = "-KEY=VALUE", arity = "0..*",
            description = "Any Micronaut setting, e.g. -trajectory.snapshot-poll=30s.")
    List<String> settings = new ArrayList<>();

    private Application() {
    }

    public static void main(String[] args) {
        int exit = commandLine().execute(args);
        if (exit != 0) {
            System.exit(exit);
        }
        // 0: the help was printed, or the server is running on its own threads
    }

    /** The command line {@code main} runs: Micronaut's {@code -key=value} settings are positional. */
    static CommandLine commandLine() {
        CommandLine commandLine = CommandLines.of(new Application());
        commandLine.setUnmatchedOptionsArePositionalParams(true);
        commandLine.setPosixClusteredShortOptionsAllowed(false); // -h is help, -hostname=... a setting
        return commandLine;
    }

    @Override
    public Integer call() {
        for (String setting : settings) {
            if (!SETTING.matcher(setting).matches()) {
                throw new ParameterException(spec.commandLine(), setting.startsWith("-")
                        ? "Unknown option: '" + setting + "'"
                        : "Unexpected argument: '" + setting + "' (Micronaut settings are -key=value)");
            }
        }
        Map<String, Object> properties = new HashMap<>();
        if (data != null) {
            properties.put("trajectory.data-dir", data.toString());
        }
        if (port != null) {
            properties.put("micronaut.server.port", port);
        }
        if (anonymousRead) {
            properties.put("trajectory.security.anonymous-read", true);
        }
        new Service().args(settings.toArray(String[]::new))
                .mainClass(Application.class)
                .properties(properties)
                .banner(false)
                .start();
        return 0;
    }

    /** Micronaut, except that a refused password is one line saying what to do, not a stack trace. */
    private static final class Service extends Micronaut {

        @Override
        protected void handleStartupException(Environment environment, Throwable exception) {
            for (Throwable t = exception; t != null; t = t.getCause()) {
                if (t instanceof PasswordConfigException refused && !environment.getActiveNames().contains(Environment.TEST)) {
                    System.err.println("error: " + refused.getMessage());
                    System.exit(1);
                }
            }
            super.handleStartupException(environment, exception);
        }
    }
}
