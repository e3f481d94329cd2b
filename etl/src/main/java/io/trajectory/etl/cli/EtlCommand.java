package io.trajectory.etl.cli;

import io.trajectory.etl.job.LoadJob;
import io.trajectory.etl.job.LoadOptions;
import io.trajectory.etl.job.LoadSummary;
import io.trajectory.etl.job.Progress;
import io.trajectory.etl.landing.LandingZoneException;
import io.trajectory.warehouse.load.LoadReport;
import io.trajectory.warehouse.snapshot.SnapshotStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

/** {@code trajectory etl}: load a landing zone into the lake and publish a new snapshot. */
@Command(name = "etl", mixinStandardHelpOptions = true,
        description = {"Load a landing zone of quarterly returns into the Parquet lake and publish a new",
                "DuckDB warehouse snapshot. Only signed-off quarters are published unless --provisional.",
                "Running it again with nothing new changes nothing."})
public final class EtlCommand implements Callable<Integer> {

    @Option(names = "--landing", required = true, paramLabel = "DIR", description = "Landing-zone folder (definitions/, returns/).")
    Path landing;

    @Option(names = "--data", defaultValue = "./data", paramLabel = "DIR",
            description = "Where the lake and snapshots live (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--master", defaultValue = "local[*]", paramLabel = "URL",
            description = "Spark master: local[*] (default) or a cluster, e.g. spark://host:7077.")
    String master;

    @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "Extra Spark setting; repeatable.")
    Map<String, String> conf = new LinkedHashMap<>();

    @Option(names = "--shuffle-partitions", defaultValue = "4", paramLabel = "N",
            description = "Spark shuffle partitions for validation (default: ${DEFAULT-VALUE}).")
    int shufflePartitions;

    @Option(names = "--reward-share", defaultValue = "0.60", paramLabel = "FRACTION",
            description = "Share of the stretch improvement that earns the reward (default: ${DEFAULT-VALUE}).")
    double rewardShare;

    @Option(names = "--provisional", description = "Also publish quarters not yet signed off, marked provisional.")
    boolean provisional;

    @Option(names = "--force", description = "Publish a new snapshot even when nothing changed.")
    boolean force;

    @Option(names = "--keep-snapshots", defaultValue = "5", paramLabel = "N",
            description = "Complete snapshots kept on disk; the current one always stays (default: ${DEFAULT-VALUE}).")
    int keepSnapshots;

    @Option(names = "--publish-memory", paramLabel = "SIZE",
            description = "DuckDB's memory limit while it builds the snapshot, e.g. 2GB (beyond it DuckDB spills to "
                    + "disk beside the snapshot); default: DuckDB's own, 80%% of the machine's memory.")
    String publishMemory;

    @Option(names = "--publish-threads", defaultValue = "0", paramLabel = "N",
            description = "DuckDB's threads while it builds the snapshot; 0 (default) = every core.")
    int publishThreads;

    @Option(names = "--summary", paramLabel = "FILE",
            description = "Also write what the load did to FILE as JSON (outcome, counts, quarters held back, timings; "
                    + "see docs/load-summary.md), when it fails too.")
    Path summaryFile;

    /** The sizes DuckDB's memory_limit takes: a number and a unit. */
    private static final Pattern MEMORY_SIZE =
            Pattern.compile("(?i)\\d+(\\.\\d+)?\\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)");

    private final PrintStream out;
    private final PrintStream err;

    public EtlCommand() {
        this(System.out, System.err);
    }

    EtlCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        if (rewardShare <= 0 || rewardShare > 1) {
            err.println("error: --reward-share must be above 0 and at most 1, not " + rewardShare);
            return 2;
        }
        if (shufflePartitions < 1 || keepSnapshots < 1) {
            err.println("error: --shuffle-partitions and --keep-snapshots must be at least 1");
            return 2;
        }
        if (publishMemory != null && !MEMORY_SIZE.matcher(publishMemory.strip()).matches()) {
            err.println("error: --publish-memory takes a size such as 2GB or 512MB, not '" + publishMemory + "'");
            return 2;
        }
        if (publishThreads < 0) {
            err.println("error: --publish-threads must be 0 (every core) or more, not " + publishThreads);
            return 2;
        }
        LoadOptions options = new LoadOptions(landing, data, master, conf, shufflePartitions, rewardShare, provisional,
                force, keepSnapshots, publishMemory, publishThreads);
        Progress progress = new Progress(out);
        try {
            LoadSummary summary = new LoadJob(options, progress).run();
            printSummary(summary);
            writeSummary(summary.toReport(landing, data));
            return 0;
        } catch (LandingZoneException e) {
            err.println("error: " + e.getMessage());
            reportCurrent();
            writeFailure(progress, e.getMessage());
            return 1;
        } catch (Exception e) {
            err.println("error: the load failed: " + e);
            StringBuilder why = new StringBuilder("the load failed: " + e);
            for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
                err.println("  caused by: " + t);
                why.append("; caused by: ").append(t);
            }
            reportCurrent();
            writeFailure(progress, why.toString());
            return 1;
        }
    }

    private void reportCurrent() {
        try {
            SnapshotStore.at(data).current().ifPresentOrElse(
                    s -> err.println("nothing was published; snapshot v" + s.version() + " is still current"),
                    () -> err.println("nothing was published"));
        } catch (RuntimeException ignored) {
            err.println("nothing was published");
        }
    }

    private Integer currentVersion() {
        try {
            return SnapshotStore.at(data).current().map(s -> s.version()).orElse(null);
        } catch (RuntimeException ignored) {
            return null;
        }
    }

    private void writeFailure(Progress progress, String error) {
        writeSummary(LoadReport.failed(landing, data, currentVersion(), List.of(), progress.timings(), progress.started(),
                Instant.now(), error));
    }

    /** Writes the JSON summary when --summary asked for one; a summary that cannot be written is reported, not fatal. */
    private void writeSummary(LoadReport report) {
        if (summaryFile == null) {
            return;
        }
        try {
            report.write(summaryFile);
        } catch (IOException | RuntimeException e) {
            err.println("error: cannot write the summary " + summaryFile + ": " + e.getMessage());
        }
    }

    private void printSummary(LoadSummary s) {
        out.println();
        out.println("Summary");
        out.printf("  returns loaded      %d (%d unchanged)%n", s.returnsLoaded(), s.returnsUnchanged());
        out.printf("  rows read           %,d%n", s.rowsRead());
        out.printf("  rows loaded         %,d%n", s.rowsLoaded());
        out.printf("  rows quarantined    %,d%s%n", s.rowsQuarantined(),
                s.rowsQuarantined() > 0 ? "  (all kept in meta_quarantine with file, line, column and reason)" : "");
        s.topReasons().forEach((reason, n) -> out.printf("    %,6d  %s%n", n, truncate(reason, 110)));
        if (!s.warnings().isEmpty()) {
            out.printf("  warnings            %d (see above)%n", s.warnings().size());
        }
        if (!s.quartersHeldBack().isEmpty()) {
            out.printf("  held back           %d quarter(s) not published%n", s.quartersHeldBack().size());
            s.quartersHeldBack().forEach(q -> out.printf("    %s  %s%n", q.period(), q.reason()));
        }
        out.printf("  lake batch          %s%n", s.batchId() == null ? "none (nothing new)" : s.batchId());
        out.printf("  snapshot            v%d%s, %,d facts, latest quarter %s%n", s.published().snapshot().version(),
                s.published().changed() ? " published" : " unchanged", s.published().factRows(), s.published().latestPeriod());
        out.printf("                      %s%n", s.published().snapshot().file());
        out.printf("  took                %.1f s%n", s.took().toMillis() / 1000.0);
    }

    private static String truncate(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "\u2026";
    }
}
