package io.trajectory.bench.service;

import io.trajectory.warehouse.cli.TextTable;
import io.trajectory.warehouse.period.FiscalQuarter;
import io.trajectory.warehouse.query.AreaRow;
import io.trajectory.warehouse.query.Basis;
import io.trajectory.warehouse.query.BenchmarkQuery;
import io.trajectory.warehouse.query.CatalogueQuery;
import io.trajectory.warehouse.query.ComparisonQuery;
import io.trajectory.warehouse.query.IndicatorSummary;
import io.trajectory.warehouse.query.PeriodRow;
import io.trajectory.warehouse.query.SnapshotInfo;
import io.trajectory.warehouse.query.Subject;
import io.trajectory.warehouse.query.TrajectoryGapQuery;
import io.trajectory.warehouse.query.TrendQuery;
import io.trajectory.warehouse.rating.RatingRuleConfig;
import io.trajectory.warehouse.snapshot.Snapshot;
import io.trajectory.warehouse.snapshot.SnapshotStore;
import org.apache.commons.io.file.PathUtils;
import org.duckdb.DuckDBConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A load benchmark (not a test): starts the service on a snapshot as a child process
 * ({@code java -jar trajectory-api.jar --data DIR --port N --anonymous-read}, as
 * {@code ./trajectory serve} runs it), sends concurrent requests over loopback for each endpoint,
 * and runs the same warehouse query (same SQL, same bound parameters) directly through DuckDB JDBC
 * in this JVM with the same concurrency, then prints p50 / p99 latency and requests per second
 * side by side, with the service's overhead as a ratio.
 *
 * <pre>./trajectory api-benchmark --data DIR [--clients 4] [--seconds 10] [--out BENCHMARKS.md]</pre>
 */
@Command(name = "api-benchmark", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Load-tests the service on a snapshot over loopback, beside the same queries run straight on "
                + "DuckDB (p50/p99, requests/s, overhead). The service runs as a child JVM with anonymous read "
                + "access and its own throw-away control database."})
public final class ServiceBenchmark implements Callable<Integer> {

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "./data",
            description = "Data folder holding the snapshot to serve (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--clients", paramLabel = "N", defaultValue = "4",
            description = "Concurrent clients (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "10",
            description = "Seconds of requests per question, after 1 s of warm-up (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the report (Markdown) to FILE.")
    Path out;

    @Option(names = "--api-jar", paramLabel = "JAR", defaultValue = "${sys:trajectory.apiJar:-api/target/trajectory-api.jar}",
            description = "The service jar to run (default: ${DEFAULT-VALUE}).")
    Path apiJar;

    /** How long the service may take to answer /health after it is started. */
    private static final long START_SECONDS = 120;

    record Case(String name, String path, Callable<Object> raw) {
    }

    record Result(String name, int clients, long requests, double seconds, double p50, double p99, long bytes) {
        double rps() {
            return requests / seconds;
        }
    }

    @Override
    public Integer call() throws Exception {
        if (clients < 1 || seconds < 1) {
            throw new IllegalArgumentException("--clients and --seconds must be at least 1");
        }
        Path dataDir = data.toAbsolutePath().normalize();
        Snapshot snapshot = SnapshotStore.at(dataDir).current()
                .orElseThrow(() -> new IllegalStateException("no snapshot under " + dataDir));
        if (!Files.isRegularFile(apiJar)) {
            throw new IllegalStateException("the service jar " + apiJar.toAbsolutePath() + " is missing: run ./trajectory build");
        }
        Path work = Files.createTempDirectory("trajectory-api-benchmark");
        try (DuckDBConnection raw = (DuckDBConnection) DriverManager.getConnection(snapshot.readOnlyUrl())) {
            List<Case> cases = cases(raw);
            SnapshotInfo info;
            long facts;
            try (Connection c = raw.duplicate()) {
                info = new CatalogueQuery().snapshotInfo(c);
                try (var st = c.createStatement(); var rs = st.executeQuery("select count(*) from fact_indicator_return")) {
                    rs.next();
                    facts = rs.getLong(1);
                }
            }
            List<Result> direct = new ArrayList<>();
            for (Case k : cases) {
                direct.add(run(k.name(), clients, seconds, () -> {
                    k.raw().call();
                    return 0L;
                }));
                print("DuckDB", direct.get(direct.size() - 1));
            }
            // every request worked out (the answer cache off), then the same questions kept per snapshot
            Served workedOut = serve(dataDir, work, cases, 0);
            Served kept = serve(dataDir, work, cases, ANSWER_CACHE);
            String report = report(snapshot, info, facts, cases, direct, workedOut, kept);
            System.out.println();
            System.out.println(report);
            if (out != null) {
                Files.writeString(out, report, StandardCharsets.UTF_8);
                System.out.println("written to " + out.toAbsolutePath());
            }
            return 0;
        } finally {
            PathUtils.deleteDirectory(work);
        }
    }

    /** The answer cache's size in the kept run: the service's default. */
    private static final int ANSWER_CACHE = 500;

    /** One service run: each question's latencies, and the service's resident memory at the end and at its peak. */
    record Served(List<Result> results, long rssKb, long peakRssKb) {
    }

    private Served serve(Path dataDir, Path work, List<Case> cases, int answerCache) throws Exception {
        int port = freePort();
        Process service = startService(dataDir, port, work, answerCache);
        try {
            String base = "http://127.0.0.1:" + port;
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            awaitHealth(http, base, service, work.resolve("service.log"));
            List<Result> results = new ArrayList<>();
            for (Case k : cases) {
                results.add(run(k.name(), clients, seconds, () -> {
                    HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base + k.path())).GET().build(),
                            HttpResponse.BodyHandlers.ofByteArray());
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException(k.path() + " answered " + r.statusCode() + ": "
                                + new String(r.body(), StandardCharsets.UTF_8));
                    }
                    return (long) r.body().length;
                }));
                print(answerCache == 0 ? "service, worked out" : "service, kept", results.get(results.size() - 1));
            }
            return new Served(results, memoryKb(service, "VmRSS"), memoryKb(service, "VmHWM"));
        } finally {
            stop(service);
        }
    }

    private static void print(String who, Result r) {
        System.out.printf("%-42s %-20s p50 %8s p99 %8s %8s req/s%n", r.name(), who, ms(r.p50()), ms(r.p99()), rps(r.rps()));
    }

    /** A line of the service's {@code /proc/PID/status} (Linux), in kB; -1 elsewhere. */
    private static long memoryKb(Process service, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(service.pid()), "status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux, or already gone
        }
        return -1;
    }

    /**
     * {@code java -jar trajectory-api.jar --data DIR --port N --anonymous-read}, with the snapshot
     * poll slowed down and a control database of its own in {@code work}, so a service already
     * running on the same data folder is not disturbed.
     */
    private Process startService(Path dataDir, int port, Path work, int answerCache) throws IOException {
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dtrajectory.snapshot-poll=1h",
                "-Dtrajectory.answer-cache.max-entries=" + answerCache,
                "-Ddatasources.control.url=jdbc:duckdb:" + work.resolve("control.duckdb"),
                "-Dlogger.levels.io.micronaut=WARN",
                "-jar", apiJar.toAbsolutePath().toString(),
                "--data", dataDir.toString(), "--port", Integer.toString(port), "--anonymous-read");
        System.out.println("$ " + String.join(" ", cmd));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(work.resolve("service.log").toFile()).start();
    }

    private static void awaitHealth(HttpClient http, String base, Process service, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                throw new IllegalStateException("the service exited with " + service.exitValue() + " before answering:\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(base + "/health")).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the service did not answer " + base + "/health within " + START_SECONDS + " s");
    }

    private static void stop(Process service) throws InterruptedException {
        if (service == null) {
            return;
        }
        service.destroy();
        if (!service.waitFor(20, TimeUnit.SECONDS)) {
            service.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** The questions asked, each with the same query run straight on DuckDB. */
    private static List<Case> cases(DuckDBConnection raw) throws Exception {
        List<PeriodRow> periods;
        List<AreaRow> areas;
        List<IndicatorSummary> indicators;
        try (Connection c = raw.duplicate()) {
            CatalogueQuery catalogue = new CatalogueQuery();
            periods = catalogue.periods(c).stream().filter(PeriodRow::hasReturn).toList();
            areas = catalogue.areas(c);
            indicators = catalogue.indicators(c, null, null);
        }
        FiscalQuarter last = FiscalQuarter.ofKey(periods.get(periods.size() - 1).key());
        FiscalQuarter first = FiscalQuarter.ofKey(periods.get(0).key());
        FiscalQuarter lastYear = last.minusQuarters(4);
        AreaRow area = areas.stream().filter(a -> !a.wholeAuthority()).findFirst()
                .orElse(areas.get(0));
        String ref = indicators.get(indicators.size() / 2).ref();
        int whole = areas.stream().filter(AreaRow::wholeAuthority).map(AreaRow::key).findFirst().orElse(area.key());
        TrendQuery trend = new TrendQuery();
        ComparisonQuery comparison = new ComparisonQuery();
        BenchmarkQuery benchmark = new BenchmarkQuery();
        TrajectoryGapQuery gap = new TrajectoryGapQuery(RatingRuleConfig.defaults().create(), 4);
        ThreadLocal<Connection> conn = ThreadLocal.withInitial(() -> {
            try {
                return raw.duplicate();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        return List.of(
                new Case("trend: one indicator, one area", "/api/v1/trend?indicator=" + enc(ref) + "&area=" + enc(area.code())
                        + "&from=" + enc(first.toString()) + "&to=" + enc(last.toString()),
                        () -> trend.trend(conn.get(), ref, area.key(), first, last, Basis.LATEST)),
                new Case("comparison: national, year on year", "/api/v1/comparison?from=" + enc(lastYear.toString()) + "&to="
                        + enc(last.toString()) + "&area=all",
                        () -> comparison.compare(conn.get(), lastYear, last, Subject.INDICATORS, Basis.LATEST, null, 1000)),
                new Case("trajectory gap: one area, a quarter", "/api/v1/trajectory-gap?period=" + enc(last.toString())
                        + "&area=" + enc(area.code()),
                        () -> gap.gaps(conn.get(), last, null, Basis.LATEST, area.key())),
                new Case("benchmark: one indicator, all authorities", "/api/v1/benchmark?indicator=" + enc(ref)
                        + "&period=" + enc(last.toString()),
                        () -> benchmark.benchmark(conn.get(), ref, last, Basis.LATEST, null, null, null)),
                // the pages run the same queries as the answers, several per page
                new Case("risk summary page (3 quarters)", "/?period=" + enc(last.toString()),
                        () -> List.of(
                                comparison.compare(conn.get(), last.previous(), last, Subject.INDICATORS, Basis.LATEST, whole, 0),
                                comparison.compare(conn.get(), lastYear, last, Subject.INDICATORS, Basis.LATEST, whole, 0))),
                new Case("what moved page (last 2 quarters)", "/moved?from=" + enc(last.previous().toString()) + "&to="
                        + enc(last.toString()),
                        () -> List.of(
                                comparison.compare(conn.get(), last.previous(), last, Subject.INDICATORS, Basis.LATEST, whole,
                                        Long.MAX_VALUE),
                                comparison.compare(conn.get(), last.previous(), last, Subject.COMMITMENTS, Basis.LATEST, null,
                                        Long.MAX_VALUE),
                                gap.gaps(conn.get(), last, null, Basis.LATEST, whole))),
                new Case("theme trend: national, 5 quarters", "/api/v1/trend/themes?from=" + enc(last.minusQuarters(4).toString())
                        + "&to=" + enc(last.toString()) + "&area=all",
                        () -> trend.themes(conn.get(), last.minusQuarters(4), last, Basis.LATEST, null)));
    }

    /** Warm up for a second, then {@code clients} threads call {@code work} for {@code seconds}. */
    private static Result run(String name, int clients, int seconds, Callable<Long> work) throws Exception {
        long warmEnd = System.nanoTime() + 1_000_000_000L;
        while (System.nanoTime() < warmEnd) {
            work.call();
        }
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicLong bytes = new AtomicLong();
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        List<Future<long[]>> futures = new ArrayList<>();
        for (int t = 0; t < clients; t++) {
            futures.add(pool.submit(() -> {
                long[] lat = new long[1 << 16];
                int n = 0;
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    bytes.addAndGet(work.call());
                    long d = System.nanoTime() - t0;
                    if (n == lat.length) {
                        lat = Arrays.copyOf(lat, n * 2);
                    }
                    lat[n++] = d;
                }
                return Arrays.copyOf(lat, n);
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> f : futures) {
            all.add(f.get());
        }
        double took = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(name, clients, merged.length, took, percentile(merged, 0.50), percentile(merged, 0.99), bytes.get());
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    private String report(Snapshot snapshot, SnapshotInfo info, long facts, List<Case> cases, List<Result> direct,
            Served workedOut, Served kept) {
        StringBuilder b = new StringBuilder();
        b.append("## Service against raw DuckDB (`./trajectory api-benchmark`)\n\n");
        b.append(String.format("Run %s on %d cores, Java %s. Snapshot v%d: %,d fact rows, latest quarter %s (%s).%n",
                Instant.now().toString().substring(0, 16).replace('T', ' '), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), info.version(), facts, info.latestPeriod(), snapshot.file().getFileName()));
        b.append(String.format("%d concurrent clients on loopback for %d s per row (after 1 s of warm-up). \"DuckDB\" runs "
                + "the warehouse query (same SQL, bound parameters) through JDBC in the benchmark's JVM; \"worked out\" is "
                + "the service with its answer cache off, so every request runs its queries and builds JSON with the "
                + "chart; \"kept\" is the service as it ships (`trajectory.answer-cache.max-entries=%d`), where the "
                + "same question asked again on the same snapshot is answered from what was kept. Latencies in ms; "
                + "the ratios are p99 against DuckDB's p99 in this run.%n%n", clients, seconds, ANSWER_CACHE));
        TextTable table = new TextTable("question", ">DuckDB p50", ">DuckDB p99", ">worked out p50", ">worked out p99",
                ">worked out req/s", ">kept p50", ">kept p99", ">kept req/s", ">answer size", ">worked out / DuckDB p99",
                ">kept / DuckDB p99");
        for (int i = 0; i < cases.size(); i++) {
            Result d = direct.get(i);
            Result w = workedOut.results().get(i);
            Result k = kept.results().get(i);
            table.row(cases.get(i).name(), ms(d.p50()), ms(d.p99()), ms(w.p50()), ms(w.p99()), rps(w.rps()), ms(k.p50()),
                    ms(k.p99()), rps(k.rps()), kb(w.bytes() / Math.max(1, w.requests())),
                    String.format("%.2f\u00d7", w.p99() / d.p99()), String.format("%.2f\u00d7", k.p99() / d.p99()));
        }
        b.append(table.markdown());
        b.append(String.format("%nThe service's memory (`/proc/PID/status`): worked out, resident %s at the end, peak %s; "
                + "kept, resident %s at the end, peak %s.%n", mb(workedOut.rssKb()), mb(workedOut.peakRssKb()),
                mb(kept.rssKb()), mb(kept.peakRssKb())));
        b.append("\nRequests:\n\n");
        for (Case k : cases) {
            b.append("- ").append(k.name()).append(": `GET ").append(k.path()).append("`\n");
        }
        return b.toString();
    }

    private static String mb(long kb) {
        return kb < 0 ? "unknown" : String.format("%,d MB", kb / 1024);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String ms(double v) {
        return String.format("%.1f", v);
    }

    private static String rps(double v) {
        return String.format("%.0f", v);
    }

    private static String kb(long bytes) {
        return bytes >= 1024 * 1024 ? String.format("%.1f MB", bytes / 1048576.0) : String.format("%.0f kB", bytes / 1024.0);
    }

}
