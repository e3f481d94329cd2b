package io.trajectory.etl.importer;

import io.trajectory.etl.landing.LandingZoneException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code import --mapping FILE --out LANDING SOURCE...}: turns a council's own export (CSV or
 * .xlsx) into a landing zone with a mapping file, printing what it mapped, what it dropped and why.
 * Plain Java, no Spark: load the result with {@code etl --landing LANDING}.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Turn a council's own export into a landing zone, as a mapping file says (see etl/mappings/README.md).",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:the landing zone was written", "1:a source file could not be read or the landing zone written",
                "2:bad options or a bad mapping file"})
public final class ImportCommand implements Callable<Integer> {

    @Option(names = "--mapping", required = true, paramLabel = "FILE", description = "The mapping file (YAML or JSON).")
    Path mapping;

    @Option(names = "--out", required = true, paramLabel = "LANDING", description = "The landing zone to write (empty or new).")
    Path out;

    @Option(names = "--overwrite", description = "Replace the files this import writes when LANDING is not empty.")
    boolean overwrite;

    @Parameters(arity = "1..*", paramLabel = "SOURCE", description = "The council's export files (CSV or .xlsx).")
    List<Path> sources;

    private final PrintStream stdout;
    private final PrintStream stderr;

    public ImportCommand() {
        this(System.out, System.err);
    }

    ImportCommand(PrintStream out, PrintStream err) {
        this.stdout = out;
        this.stderr = err;
    }

    @Override
    public Integer call() {
        for (Path s : sources) {
            if (!Files.isRegularFile(s)) {
                stderr.println("error: SOURCE " + s + " is not a file");
                return 2;
            }
        }
        if (!Files.isRegularFile(mapping)) {
            stderr.println("error: --mapping " + mapping + " is not a file");
            return 2;
        }
        try {
            Mapping m = MappingReader.read(mapping);
            Importer.Result result = new Importer(m).run(sources);
            result.report().written.addAll(LandingWriter.write(result, out, overwrite,
                    m.signOff() == null ? "" : m.signOff().by()));
            result.report().print(stdout);
            stdout.println("Load it with: ./trajectory etl --landing " + out
                    + (m.signOff() == null ? " --provisional   (the mapping gives no sign_off)" : ""));
            return 0;
        } catch (MappingException e) {
            stderr.println("error: " + e.getMessage());
            return 2;
        } catch (LandingZoneException e) {
            stderr.println("error: " + e.getMessage());
            return 1;
        }
    }
}
