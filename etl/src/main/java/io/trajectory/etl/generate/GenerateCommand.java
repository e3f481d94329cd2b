package io.trajectory.etl.generate;

import io.trajectory.etl.generate.SyntheticLandingZone.Options;
import io.trajectory.etl.generate.SyntheticLandingZone.QuarterWritten;
import io.trajectory.etl.generate.SyntheticLandingZone.Spec;
import io.trajectory.etl.generate.SyntheticLandingZone.Summary;
import io.trajectory.warehouse.period.FiscalQuarter;
import io.trajectory.warehouse.period.PeriodFormatException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code generate}: writes a deterministic synthetic landing zone, for benchmarks at national
 * scale and for tests. See {@link SyntheticLandingZone}.
 */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Writes a deterministic (seeded) synthetic national landing zone: one indicator register, the "
                        + "authorities (and their districts) named in areas.csv, each authority's own baselines and "
                        + "targets in area_targets.csv, explicit trajectories, comparison groups of about 15 similar "
                        + "authorities and regions, and per quarter an indicator return (one row per area and "
                        + "indicator, with restatements; no whole-authority rows), a commitments report and a sign-off.",
                "The same options always give the same bytes, and quarter N's files do not depend on "
                        + "--quarters, so --quarters 41 --only-missing adds one quarter to a 40-quarter zone."})
public final class GenerateCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandSpec commandSpec;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "The landing zone folder to write (created if missing).")
    Path out;

    @Option(names = "--authorities", paramLabel = "N", defaultValue = "350",
            description = "Authorities, each an area E0600001, E0600002, ... (default: ${DEFAULT-VALUE}).")
    int authorities;

    @Option(names = "--districts", paramLabel = "N", defaultValue = "0",
            description = "Districts per authority, each an area E0600001-D01, ... within it whose counts add up to "
                    + "the authority's; some have plans of their own (default: ${DEFAULT-VALUE}).")
    int districts;

    @Option(names = "--indicators", paramLabel = "M", defaultValue = "300",
            description = "Indicators NI 001, NI 002, ... in the seven themes (default: ${DEFAULT-VALUE}).")
    int indicators;

    @Option(names = "--quarters", paramLabel = "Q", defaultValue = "40",
            description = "Quarterly returns from the first quarter (default: ${DEFAULT-VALUE}). "
                    + "Targets are always set " + SyntheticLandingZone.TARGET_HORIZON_QUARTERS
                    + " quarters on from the first quarter, whatever this is.")
    int quarters;

    @Option(names = "--first-quarter", paramLabel = "PERIOD", defaultValue = "2008/09 Q1",
            converter = FiscalQuarterConverter.class,
            description = "The first quarter, in any accepted spelling (2008/09 Q1, Q1 08-09, 2008-09-Q1, ...; "
                    + "default: ${DEFAULT-VALUE}).")
    FiscalQuarter firstQuarter;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "42",
            description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--not-available-rate", paramLabel = "RATE", defaultValue = "0.03",
            description = "Share of rows sent as NOT_AVAILABLE, 0 to 1 (default: ${DEFAULT-VALUE}).")
    double notAvailableRate;

    @Option(names = "--restatement-rate", paramLabel = "RATE", defaultValue = "0.005",
            description = "Share of rows followed by a restatement of an earlier quarter, 0 to 1 "
                    + "(default: ${DEFAULT-VALUE}).")
    double restatementRate;

    @Option(names = "--only-missing",
            description = "Skip quarter folders and definition files that already exist.")
    boolean onlyMissing;

    @Option(names = "--threads", paramLabel = "T",
            description = "Quarters written at once (default: up to 4, no more than the processors).")
    Integer threads;

    @Override
    public Integer call() {
        Spec spec = validatedSpec();
        Options options = Options.defaults().withOnlyMissing(onlyMissing);
        if (threads != null) {
            options = options.withThreads(threads);
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new ParameterException(commandSpec.commandLine(), "--out " + out + " is a file, not a folder");
        }
        PrintWriter console = commandSpec.commandLine().getOut();
        console.printf(Locale.ROOT, "Generating %,d authorities x %,d indicators x %,d quarters (%s to %s, seed %d)%s into %s%n",
                spec.authorities(), spec.indicators(), spec.quarters(), spec.firstQuarter(), spec.lastQuarter(),
                spec.seed(), spec.districts() == 0 ? "" : String.format(Locale.ROOT, ", %d districts per authority",
                        spec.districts()), out.toAbsolutePath().normalize());
        console.flush();

        AtomicInteger done = new AtomicInteger();
        long started = System.nanoTime();
        Summary summary;
        try {
            summary = new SyntheticLandingZone(spec).write(out, options.withProgress(q -> {
                console.println(progressLine(q, done.incrementAndGet(), spec.quarters()));
                console.flush();
            }));
        } catch (IOException e) {
            PrintWriter err = commandSpec.commandLine().getErr();
            err.println("generate: could not write the landing zone under " + out + ": " + e);
            err.flush();
            return 1;
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        console.printf(Locale.ROOT, "Wrote %,d files: %,d return rows (%,d restatements), %.1f MB in %.1f s"
                        + " (%s written, %d skipped)%n",
                summary.files(), summary.rows(), summary.restatementRows(), summary.bytes() / 1e6, seconds,
                summary.quartersWritten() == 1 ? "1 quarter" : summary.quartersWritten() + " quarters",
                summary.quartersSkipped());
        console.flush();
        return 0;
    }

    private static String progressLine(QuarterWritten q, int done, int of) {
        if (q.skipped()) {
            return String.format(Locale.ROOT, "  [%d/%d] %s  skipped (folder exists)", done, of, q.quarter());
        }
        return String.format(Locale.ROOT, "  [%d/%d] %s  %,d rows  %.1f MB", done, of, q.quarter(), q.rows(),
                q.bytes() / 1e6);
    }

    private Spec validatedSpec() {
        atLeast("--authorities", authorities, 1, Spec.MAX_AUTHORITIES);
        atLeast("--districts", districts, 0, Spec.MAX_DISTRICTS);
        atLeast("--indicators", indicators, 1, Spec.MAX_INDICATORS);
        atLeast("--quarters", quarters, 1, Spec.MAX_QUARTERS);
        rate("--not-available-rate", notAvailableRate);
        rate("--restatement-rate", restatementRate);
        if (threads != null && threads < 1) {
            throw invalid("--threads must be at least 1 (got " + threads + ")");
        }
        try {
            return new Spec(authorities, districts, indicators, quarters, firstQuarter, seed, notAvailableRate,
                    restatementRate);
        } catch (IllegalArgumentException e) {
            throw invalid("--first-quarter " + firstQuarter + " is out of range: " + e.getMessage());
        }
    }

    private void atLeast(String option, int value, int min, int max) {
        if (value < min) {
            throw invalid(option + " must be at least " + min + " (got " + value + ")");
        }
        if (value > max) {
            throw invalid(option + " must be at most " + max + " (got " + value + ")");
        }
    }

    private void rate(String option, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw invalid(option + " must be between 0 and 1 (got " + value + ")");
        }
    }

    private ParameterException invalid(String message) {
        return new ParameterException(commandSpec.commandLine(), message);
    }

    /** Reads a quarter in any spelling FiscalQuarter accepts. */
    static final class FiscalQuarterConverter implements CommandLine.ITypeConverter<FiscalQuarter> {
        @Override
        public FiscalQuarter convert(String value) {
            try {
                return FiscalQuarter.parse(value);
            } catch (PeriodFormatException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
