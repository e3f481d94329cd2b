package io.trajectory.bench.load;

import io.trajectory.etl.generate.SyntheticLandingZone;
import io.trajectory.etl.generate.SyntheticLandingZone.Options;
import io.trajectory.etl.generate.SyntheticLandingZone.Spec;
import io.trajectory.etl.generate.SyntheticLandingZone.Summary;
import io.trajectory.warehouse.period.FiscalQuarter;
import io.trajectory.warehouse.period.PeriodFormatException;
import io.trajectory.warehouse.snapshot.Snapshot;
import io.trajectory.warehouse.snapshot.SnapshotStore;
import io.trajectory.warehouse.trajectory.Trajectory;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.file.PathUtils;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code benchmark}: the national-size measurements, end to end, in one run.
 *
 * <ol>
 *   <li>generate the landing zone ({@link SyntheticLandingZone}, 350 x 300 x 40 by default);</li>
 *   <li>full load: {@code etl} as a child JVM into a fresh data folder: wall time, rows/s, peak RSS;</li>
 *   <li>DuckDB reference: DuckDB alone loading the same CSVs into a fresh file and conforming them
 *       (areas, plans and their trajectories, facts): the floor;</li>
 *   <li>incremental: one more quarter added to the zone, {@code etl} again;</li>
 *   <li>no-op: {@code etl} once more with nothing new;</li>
 *   <li>queries: the three query families on the published snapshot, read-only.</li>
 * </ol>
 * Prints a results table with ratios to the DuckDB reference and the aims, and writes it to
 * {@code <out>/results.md}. The work folder holds {@code landing/}, {@code data/},
 * {@code reference.duckdb} and {@code logs/} (every child's full output).
 */
@Command(name = "benchmark", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Measures a national-size full load, one new quarter, a no-op load, DuckDB's own load of the same "
                        + "CSV files (the single-machine floor) and the query families on the published snapshot. "
                        + "Each load runs as a child JVM (java -jar trajectory-etl.jar etl ...), timed wall clock, with its "
                        + "peak resident memory read from /proc (no Java API gives another process's).",
                "Takes a few minutes at the default size; results go to the console and <out>/results.md."})
public final class BenchmarkCommand implements Callable<Integer> {

    static final String MARKER = "benchmark.properties";
    static final double AIM_FULL_SECONDS = 180;
    static final double AIM_INCREMENTAL_SECONDS = 30;

    @CommandLine.Spec
    CommandSpec commandSpec;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "./target/benchmark",
            description = "Work folder: landing/, data/, reference.duckdb, logs/, results.md (default: ${DEFAULT-VALUE}). "
                    + "Must be new, empty or an earlier benchmark's folder.")
    Path out;

    @Option(names = "--authorities", paramLabel = "N", defaultValue = "350",
            description = "Authorities (default: ${DEFAULT-VALUE}).")
    int authorities;

    @Option(names = "--districts", paramLabel = "N", defaultValue = "0",
            description = "Districts per authority, each with a row in every return (default: ${DEFAULT-VALUE}).")
    int districts;

    @Option(names = "--indicators", paramLabel = "M", defaultValue = "300",
            description = "Indicators (default: ${DEFAULT-VALUE}).")
    int indicators;

    @Option(names = "--quarters", paramLabel = "Q", defaultValue = "40",
            description = "Quarters in the full load; the incremental load adds one more (default: ${DEFAULT-VALUE}).")
    int quarters;

    @Option(names = "--reuse",
            description = "Keep the landing zone an earlier run generated (same size and seed) instead of writing it "
                    + "again: only missing quarters are written, and the incremental quarter is taken away first.")
    boolean reuse;

    @Option(names = "--skip-duckdb-reference", description = "Do not time DuckDB's own load of the CSVs.")
    boolean skipDuckDbReference;

    @Option(names = "--etl-heap", paramLabel = "SIZE", defaultValue = "6g",
            description = "Heap (-Xmx) of the ETL child JVM (default: ${DEFAULT-VALUE}).")
    String etlHeap;

    @Option(names = "--etl-arg", paramLabel = "ARG",
            description = "Extra argument for every etl run, repeatable, e.g. --etl-arg=--shuffle-partitions=8.")
    List<String> etlArgs = new ArrayList<>();

    @Option(names = "--query-runs", paramLabel = "N", defaultValue = "9",
            description = "Timed runs of each query after one warm-up (default: ${DEFAULT-VALUE}).")
    int queryRuns;

    private final PrintStream console;

    public BenchmarkCommand() {
        this(System.out);
    }

    BenchmarkCommand(PrintStream console) {
        this.console = console;
    }

    @Override
    public Integer call() throws Exception {
        if (authorities < 1 || indicators < 1 || quarters < 1 || queryRuns < 1) {
            throw new CommandLine.ParameterException(commandSpec.commandLine(),
                    "--authorities, --indicators, --quarters and --query-runs must be at least 1");
        }
        if (districts < 0 || districts > Spec.MAX_DISTRICTS) {
            throw new CommandLine.ParameterException(commandSpec.commandLine(),
                    "--districts must be 0 to " + Spec.MAX_DISTRICTS + " (got " + districts + ")");
        }
        Spec spec = Spec.of(authorities, indicators, quarters).withDistricts(districts);
        Path work = out.toAbsolutePath().normalize();
        prepareWorkFolder(work, spec);
        Path landing = work.resolve("landing");
        Path data = work.resolve("data");
        Path logs = work.resolve("logs");
        String started = ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        Machine machine = Machine.describe();
        heading("Trajectory benchmark, " + started);
        console.println(machine.summary());
        console.printf(Locale.ROOT, "size %,d authorities%s x %,d indicators x %,d quarters (+1 incremental); work folder %s%n",
                authorities, districts == 0 ? "" : " (" + districts + " districts each)", indicators, quarters, work);

        // 1. The landing zone.
        heading("1. generate the landing zone");
        Generated generated = generate(spec, landing);
        long zoneBytes = sizeOf(landing);
        console.printf(Locale.ROOT, "landing zone: %,d return rows, %.1f MB, %s%n", generated.rows(), zoneBytes / 1e6,
                generated.reused() ? "reused (" + fmt(generated.seconds()) + " s to check and top up)"
                        : "written in " + fmt(generated.seconds()) + " s");

        // 2. Full load into a fresh data folder.
        heading("2. full load (etl in a child JVM, -Xmx" + etlHeap + ")");
        deleteTree(data);
        EtlChild etl = new EtlChild(List.of("-Xmx" + etlHeap), console, logs);
        List<String> etlCommon = new ArrayList<>(List.of("--landing", landing.toString(), "--data", data.toString()));
        etlCommon.addAll(etlArgs);
        EtlChild.Run full = etl.run("full-load", etlCommon);
        if (full.exitCode() != 0) {
            return failed(full);
        }
        EtlOutput fullOut = EtlOutput.parse(full.output());

        // 3. DuckDB's own load of the same 40 quarters, before the zone grows.
        DuckDbReference.Result reference = null;
        long referenceHwmKb = -1;
        double referenceLoad = Double.NaN;
        if (!skipDuckDbReference) {
            heading("3. DuckDB reference: the same CSVs straight into DuckDB and conformed (no validation, quarantine, "
                    + "lineage or mart)");
            reference = DuckDbReference.run(landing, work.resolve("reference.duckdb"), Trajectory.DEFAULT_REWARD_SHARE);
            referenceLoad = ProcessStats.loadAverage();
            referenceHwmKb = ProcessStats.read(ProcessHandle.current().pid())[1];
            console.printf(Locale.ROOT, "%s, %d threads%n", reference.version(), reference.threads());
            console.printf(Locale.ROOT, "definitions  %,9d rows  %6.2f s%n", reference.definitionRows(),
                    reference.definitionsSeconds());
            console.printf(Locale.ROOT, "returns      %,9d rows  %6.2f s%n", reference.returnsRows(), reference.returnsSeconds());
            console.printf(Locale.ROOT, "+ conform: %,d facts and %,d trajectory rows, sorted  %6.2f s%n",
                    reference.factRows(), reference.trajectoryRows(), reference.conformSeconds());
            console.printf(Locale.ROOT, "CPU %.1f s (load) + %.1f s (conform), load average %.1f after%n",
                    reference.loadCpuSeconds(), reference.conformCpuSeconds(), referenceLoad);
        } else {
            heading("3. DuckDB reference: skipped (--skip-duckdb-reference)");
        }

        // 4. One more quarter.
        heading("4. incremental: add quarter " + (quarters + 1) + " and load again");
        long t0 = System.nanoTime();
        Summary added = new SyntheticLandingZone(spec.withQuarters(quarters + 1))
                .write(landing, Options.defaults().withOnlyMissing(true));
        double addSeconds = (System.nanoTime() - t0) / 1e9;
        console.printf(Locale.ROOT, "added %s: %,d rows, %.1f MB in %.1f s (%d quarter(s) left as they were)%n",
                spec.withQuarters(quarters + 1).lastQuarter(), added.rows(), added.bytes() / 1e6, addSeconds,
                added.quartersSkipped());
        EtlChild.Run incremental = etl.run("incremental", etlCommon);
        if (incremental.exitCode() != 0) {
            return failed(incremental);
        }
        EtlOutput incOut = EtlOutput.parse(incremental.output());

        // 5. Nothing new.
        heading("5. no-op: load again with nothing new");
        EtlChild.Run noop = etl.run("no-op", etlCommon);
        if (noop.exitCode() != 0) {
            return failed(noop);
        }
        EtlOutput noopOut = EtlOutput.parse(noop.output());

        // 6. Queries on the published snapshot.
        Snapshot snapshot = SnapshotStore.at(data).current()
                .orElseThrow(() -> new IllegalStateException("no snapshot was published under " + data));
        heading("6. queries on snapshot v" + snapshot.version() + " (read-only, prepared, " + queryRuns + " runs each)");
        SnapshotQueries.Result queries = SnapshotQueries.run(snapshot, queryRuns);
        long snapshotBytes = Files.size(snapshot.file());

        Report report = new Report(started, machine, spec, etlHeap, etlArgs, generated, zoneBytes, full, fullOut, incremental,
                incOut, addSeconds, noop, noopOut, reference, referenceHwmKb, referenceLoad, snapshot, snapshotBytes, queries, work);
        String text = report.render();
        heading("Results");
        console.print(text);
        Path results = work.resolve("results.md");
        Files.writeString(results, text, StandardCharsets.UTF_8);
        console.println("written to " + results);
        return 0;
    }

    private int failed(EtlChild.Run run) {
        console.printf("benchmark: the %s run failed (exit %d); its output is above and in the logs folder%n",
                run.label(), run.exitCode());
        return 1;
    }

    private void heading(String title) {
        console.println();
        console.println("== " + title);
        console.flush();
    }

    /** What step 1 did. */
    record Generated(boolean reused, long rows, double seconds) {
    }

    private Generated generate(Spec spec, Path landing) throws IOException {
        long t0 = System.nanoTime();
        boolean reusing = reuse && Files.isDirectory(landing.resolve("returns"));
        if (reusing) {
            removeQuartersAfter(landing, spec.lastQuarter());
        } else {
            deleteTree(landing);
        }
        int[] done = {0};
        Summary s = new SyntheticLandingZone(spec).write(landing, Options.defaults().withOnlyMissing(reusing)
                .withProgress(q -> {
                    done[0]++;
                    if (!q.skipped()) {
                        console.printf(Locale.ROOT, "  [%d/%d] %s  %,d rows  %.1f MB%n", done[0], spec.quarters(),
                                q.quarter(), q.rows(), q.bytes() / 1e6);
                    }
                }));
        double seconds = (System.nanoTime() - t0) / 1e9;
        long rows = reusing ? countReturnRows(landing) : s.rows();
        return new Generated(reusing, rows, seconds);
    }

    /** Takes away quarter folders a previous run's incremental step added. */
    private void removeQuartersAfter(Path landing, FiscalQuarter last) throws IOException {
        try (Stream<Path> folders = Files.list(landing.resolve("returns"))) {
            for (Path folder : folders.toList()) {
                try {
                    FiscalQuarter q = FiscalQuarter.parse(folder.getFileName().toString());
                    if (q.isAfter(last)) {
                        console.println("reuse: removing " + folder + " (after " + last + ")");
                        deleteTree(folder);
                    }
                } catch (PeriodFormatException e) {
                    // not a quarter folder: leave it
                }
            }
        }
    }

    /** Records (not lines: comments may hold line breaks in quotes) of every returns/*&#47;indicators.csv. */
    private static long countReturnRows(Path landing) throws IOException {
        long rows = 0;
        try (Stream<Path> folders = Files.list(landing.resolve("returns"))) {
            for (Path folder : folders.sorted().toList()) {
                Path f = folder.resolve("indicators.csv");
                if (Files.isRegularFile(f)) {
                    try (Reader in = Files.newBufferedReader(f, StandardCharsets.UTF_8);
                         CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                                 .parse(in)) {
                        for (CSVRecord ignored : parser) {
                            rows++;
                        }
                    }
                }
            }
        }
        return rows;
    }

    /**
     * The work folder must be new, empty, or one a benchmark made (it has {@value #MARKER}), so
     * deleting its landing/ and data/ never removes anyone's files. An earlier zone of a
     * different size is not reused.
     */
    private void prepareWorkFolder(Path work, Spec spec) throws IOException {
        Path marker = work.resolve(MARKER);
        if (Files.isDirectory(work) && !Files.exists(marker)) {
            try (Stream<Path> entries = Files.list(work)) {
                if (entries.findAny().isPresent()) {
                    throw new CommandLine.ParameterException(commandSpec.commandLine(), "--out " + work
                            + " is not empty and is not a benchmark work folder (no " + MARKER + "); choose a new or empty folder");
                }
            }
        }
        if (Files.exists(work) && !Files.isDirectory(work)) {
            throw new CommandLine.ParameterException(commandSpec.commandLine(), "--out " + work + " is a file");
        }
        Files.createDirectories(work);
        Properties wanted = new Properties();
        wanted.setProperty("authorities", Integer.toString(spec.authorities()));
        wanted.setProperty("districts", Integer.toString(spec.districts()));
        wanted.setProperty("indicators", Integer.toString(spec.indicators()));
        wanted.setProperty("first_quarter", spec.firstQuarter().toString());
        wanted.setProperty("seed", Long.toString(spec.seed()));
        wanted.setProperty("not_available_rate", Double.toString(spec.notAvailableRate()));
        wanted.setProperty("restatement_rate", Double.toString(spec.restatementRate()));
        if (reuse && Files.exists(marker)) {
            Properties had = new Properties();
            try (Reader r = Files.newBufferedReader(marker, StandardCharsets.UTF_8)) {
                had.load(r);
            }
            if (!had.equals(wanted)) {
                console.println("reuse: the landing zone in " + work + " was generated with other settings " + had
                        + "; writing it again");
                reuse = false;
            }
        }
        try (Writer w = Files.newBufferedWriter(marker, StandardCharsets.UTF_8)) {
            wanted.store(w, "written by trajectory benchmark: the settings of landing/ (quarters are added and removed per run)");
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            PathUtils.deleteDirectory(root);
        }
    }

    static long sizeOf(Path root) throws IOException {
        return PathUtils.sizeOfDirectory(root);
    }

    static String fmt(double seconds) {
        return String.format(Locale.ROOT, "%.1f", seconds);
    }

    /** The machine the numbers are from. */
    record Machine(int processors, long memoryKb, String cpu, String java, String os, String spark) {

        static Machine describe() {
            String java = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
            String os = System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch");
            return new Machine(Runtime.getRuntime().availableProcessors(), ProcessStats.totalMemoryKb(),
                    ProcessStats.cpuModel(), java, os, sparkVersion());
        }

        private static String sparkVersion() {
            try {
                Class<?> pkg = Class.forName("org.apache.spark.package$");
                Object module = pkg.getField("MODULE$").get(null);
                return Objects.toString(pkg.getMethod("SPARK_VERSION").invoke(module));
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                return "unknown";
            }
        }

        String summary() {
            return String.format(Locale.ROOT, "machine: %d processors (%s), %.1f GB memory, %s, %s, Spark %s",
                    processors, cpu, memoryKb / 1024.0 / 1024.0, os, java, spark);
        }
    }
}
