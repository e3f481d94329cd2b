package io.trajectory.api.refresh;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.http.HttpStatus;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Scheduled;
import io.trajectory.api.TrajectoryConfig;
import io.trajectory.api.snapshot.LiveSnapshot;
import io.trajectory.api.web.ProblemException;
import io.trajectory.warehouse.load.LoadReport;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Refreshes the warehouse: runs the ETL as a child process (never in this JVM: Spark stays out
 * of the service), records the run in the control database, and switches to the new snapshot
 * when one is published. A failed run publishes nothing, so the old snapshot keeps serving.
 * One refresh at a time. A scheduled look at the landing zone's {@code signoff.json} files
 * starts one when a sign-off is new or changed.
 */
@Singleton
public class RefreshService {

    private static final Logger LOG = LoggerFactory.getLogger(RefreshService.class);

    private final RefreshConfig config;
    private final Path dataDir;
    private final RefreshRunRepository runs;
    private final LiveSnapshot live;
    private final ApplicationEventPublisher<SnapshotPublished> published;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "refresh");
        t.setDaemon(true);
        return t;
    });
    private final AtomicReference<RefreshRun> running = new AtomicReference<>();
    private volatile String baselineFingerprint;

    public RefreshService(RefreshConfig config, TrajectoryConfig trajectory, RefreshRunRepository runs, LiveSnapshot live,
            ApplicationEventPublisher<SnapshotPublished> published) {
        this.config = config;
        this.dataDir = trajectory.dataDir().toAbsolutePath().normalize();
        this.runs = runs;
        this.live = live;
        this.published = published;
    }

    /** A run still RUNNING at start-up was cut short when the service stopped: record that. */
    @EventListener
    void onStartup(StartupEvent event) {
        for (RefreshRun r : runs.findAllOrderByStartedAtDesc()) {
            if (RefreshRun.RUNNING.equals(r.outcome())) {
                runs.update(r.ended(now(), RefreshRun.FAILED, r.rowsLoaded(), r.rowsQuarantined(), null,
                        "The service stopped while this refresh was running; nothing it did was served."));
            }
        }
    }

    public List<RefreshRun> history() {
        return runs.findAllOrderByStartedAtDesc();
    }

    public Optional<RefreshRun> find(String id) {
        return runs.findById(id);
    }

    /**
     * Starts a refresh in the background.
     *
     * @throws ProblemException 409 while another refresh runs; 503 when no landing zone is configured
     */
    public synchronized RefreshRun start(String trigger, String requestedBy) {
        if (!config.enabled()) {
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "Refreshes are off: set trajectory.refresh.landing-dir "
                    + "(TRAJECTORY_LANDING) to the landing zone to load.", null, null);
        }
        RefreshRun current = running.get();
        if (current != null) {
            throw new ProblemException(HttpStatus.CONFLICT, "A refresh is already running (" + current.id() + ", started "
                    + current.startedAt() + ").", null, null);
        }
        RefreshRun run = new RefreshRun(UUID.randomUUID().toString(), trigger, requestedBy,
                Instant.now().truncatedTo(ChronoUnit.MILLIS), null, RefreshRun.RUNNING, null, null, null,
                signoffFingerprint(), null);
        runs.save(run);
        running.set(run);
        worker.submit(() -> execute(run));
        return run;
    }

    /** True while a refresh runs. */
    public boolean isRunning() {
        return running.get() != null;
    }

    /** Starts a refresh when a sign-off under the landing zone is new or changed since the last run. */
    @Scheduled(fixedDelay = "${trajectory.refresh.watch-interval:1m}", initialDelay = "${trajectory.refresh.watch-interval:1m}")
    void watchSignOffs() {
        if (!config.enabled() || !config.watch() || isRunning()) {
            return;
        }
        try {
            String now = signoffFingerprint();
            Optional<RefreshRun> last = runs.findFirstOrderByStartedAtDesc();
            String before = last.map(RefreshRun::signoffFingerprint).orElse(baselineFingerprint);
            if (before == null && live.info().isPresent()) {
                // first look, with a snapshot already serving: take today's sign-offs as the baseline
                baselineFingerprint = now;
                return;
            }
            if (!now.equals(before)) {
                LOG.info("Sign-offs under {} changed: refreshing", config.landingDir());
                start("SCHEDULED", null);
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not check the sign-offs under {}: {}", config.landingDir(), e.getMessage());
        }
    }

    private void execute(RefreshRun run) {
        Path log = dataDir.resolve("logs").resolve("refresh-" + run.id() + ".log");
        Path summary = dataDir.resolve("logs").resolve("refresh-" + run.id() + ".json");
        RefreshRun done;
        try {
            Files.createDirectories(log.getParent());
            Files.deleteIfExists(summary);
            List<String> command = command(summary);
            LOG.info("Refresh {}: {}", run.id(), String.join(" ", command));
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().putIfAbsent("SPARK_LOCAL_IP", "127.0.0.1");
            Process p = pb.start();
            boolean finished = p.waitFor(config.timeout().toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                p.destroyForcibly();
                done = run.ended(now(), RefreshRun.FAILED, null, null, null,
                        "The ETL took longer than " + config.timeout() + " and was stopped; see " + log);
            } else {
                done = outcome(run, p.exitValue(), summary, log);
            }
        } catch (IOException e) {
            done = run.ended(now(), RefreshRun.FAILED, null, null, null, "Could not run the ETL: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            done = run.ended(now(), RefreshRun.FAILED, null, null, null, "Interrupted: the service is stopping");
        } catch (RuntimeException e) {
            done = run.ended(now(), RefreshRun.FAILED, null, null, null, "The refresh failed: " + e);
        }
        if (!RefreshRun.FAILED.equals(done.outcome())) {
            try {
                live.refresh();
            } catch (RuntimeException e) {
                done = done.ended(done.endedAt(), RefreshRun.FAILED, done.rowsLoaded(), done.rowsQuarantined(),
                        done.snapshotVersion(), "The ETL published a snapshot the service cannot open: " + e.getMessage());
            }
        }
        if (RefreshRun.PUBLISHED.equals(done.outcome())) {
            // before the run is recorded as ended, so what follows a new snapshot is there once it is
            published.publishEvent(new SnapshotPublished(run.id(), done.snapshotVersion()));
        }
        try {
            runs.update(done);
        } finally {
            running.set(null);
        }
        LOG.info("Refresh {} {}{}", run.id(), done.outcome(), done.message() == null ? "" : ": " + done.message());
    }

    private List<String> command(Path summary) {
        List<String> c = new ArrayList<>();
        c.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        c.add("-Dspark.local.ip=127.0.0.1");
        if (config.javaOptions() != null) {
            c.addAll(config.javaOptions());
        }
        c.addAll(List.of("-jar", config.etlJar().toAbsolutePath().toString(), "etl",
                "--landing", config.landingDir().toAbsolutePath().toString(), "--data", dataDir.toString(),
                "--summary", summary.toString()));
        if (config.etlArgs() != null) {
            c.addAll(config.etlArgs());
        }
        return c;
    }

    /**
     * How the run ended, from the summary the ETL wrote ({@code etl --summary}): rows loaded and
     * quarantined, the snapshot published or unchanged, or why it failed. An ETL that wrote no
     * summary was stopped or crashed before it finished: a failure too.
     */
    static RefreshRun outcome(RefreshRun run, int exit, Path summary, Path log) {
        if (!Files.exists(summary)) {
            return run.ended(now(), RefreshRun.FAILED, null, null, null, "The ETL exited with code " + exit
                    + " without writing its summary: it was stopped or crashed before it finished (log: " + log + ")");
        }
        LoadReport report;
        try {
            report = LoadReport.read(summary);
        } catch (IOException e) {
            return run.ended(now(), RefreshRun.FAILED, null, null, null, truncate(e.getMessage() + " (log: " + log + ")", 3900));
        }
        if (report.outcome() == LoadReport.Outcome.FAILED || exit != 0) {
            String why = report.error() != null ? report.error() : "the ETL exited with code " + exit;
            String serving = report.snapshotVersion() == null ? " Nothing was published."
                    : " Nothing was published; snapshot v" + report.snapshotVersion() + " is still serving.";
            return run.ended(now(), RefreshRun.FAILED, report.rowsLoaded(), report.rowsQuarantined(), null,
                    truncate(why + serving + " (log: " + log + ")", 3900));
        }
        boolean published = report.outcome() == LoadReport.Outcome.PUBLISHED;
        List<String> notes = new ArrayList<>();
        if (!published) {
            notes.add("Nothing new to load; the snapshot is unchanged.");
        }
        if (!report.quartersHeldBack().isEmpty()) {
            notes.add("Held back: " + report.quartersHeldBack().stream()
                    .map(q -> q.period() + " (" + q.reason() + ")").collect(Collectors.joining("; ")) + ".");
        }
        return run.ended(now(), published ? RefreshRun.PUBLISHED : RefreshRun.UNCHANGED, report.rowsLoaded(),
                report.rowsQuarantined(), report.snapshotVersion(),
                notes.isEmpty() ? null : truncate(String.join(" ", notes), 3900));
    }

    private static String truncate(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "\u2026";
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    /** sha256 over every {@code returns/<quarter>/signoff.json}: its path and content. */
    String signoffFingerprint() {
        Path returns = config.landingDir().resolve("returns");
        if (!Files.isDirectory(returns)) {
            return "none";
        }
        try (Stream<Path> files = Files.walk(returns, 2)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Path f : files.filter(f -> f.getFileName().toString().equals("signoff.json")).sorted().toList()) {
                md.update(returns.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
                md.update(Files.readAllBytes(f));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the sign-offs under " + returns + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
