package io.trajectory.etl.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The cluster path, really run: a Spark standalone master and one worker as child JVMs on
 * loopback, the packaged ETL jar submitted to it with {@code --master spark://...}, and the
 * warehouse it publishes compared row by row with the one the default {@code local[*]} run
 * publishes from the same landing zone.
 *
 * <p>The worker launches executors from a fake {@code SPARK_HOME} under target/ whose
 * {@code jars/} holds Spark and its dependencies only, not our jars (trajectory-etl,
 * trajectory-warehouse, commons-csv), just as a real Spark distribution would: executors can
 * only run our code if the driver ships it ({@code spark.jars}, see SparkSessions.jobJars()).
 */
class StandaloneClusterIT {

    /** The published tables compared between the local and the cluster run. */
    static final List<String> TABLES = List.of("fact_indicator_return", "fact_trajectory", "fact_commitment_return",
            "dim_indicator", "meta_quarantine", "mart_indicator_quarter", "agg_theme_rating");

    /** Our own jars and the app-only dependencies a Spark distribution does not ship. */
    static final List<String> NOT_IN_SPARK_HOME = List.of("trajectory-", "commons-csv-", "picocli-", "duckdb_jdbc-",
            "poi-", "xmlbeans-", "SparseBitSet-", "curvesapi-", "jackson-dataformat-yaml-", "snakeyaml-");

    static final Duration CLUSTER_START_TIMEOUT = Duration.ofSeconds(120);
    static final Duration LOAD_TIMEOUT = Duration.ofMinutes(5);

    static Path work;
    static Path logs;
    static Path workerDir;
    static int masterPort;
    static int masterUiPort;
    static ChildProcess master;
    static ChildProcess worker;
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NORMAL).proxy(HttpClient.Builder.NO_PROXY).build();
    static final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void startCluster() throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        work = ItSupport.freshWorkDir("StandaloneClusterIT");
        logs = work.resolve("logs");
        workerDir = work.resolve("worker");
        Files.createDirectories(workerDir);
        Path sparkHome = fakeSparkHome();

        masterPort = ItSupport.freePort();
        masterUiPort = ItSupport.freePort();
        int workerUiPort = ItSupport.freePort();
        String classpath = sparkHome.resolve("jars") + "/*";
        Map<String, String> env = new HashMap<>();
        env.put("SPARK_HOME", sparkHome.toString());
        env.put("SPARK_SCALA_VERSION", "2.13");
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        env.put("SPARK_CONF_DIR", sparkHome.resolve("conf").toString());

        List<String> masterCmd = daemon("512m", classpath, "org.apache.spark.deploy.master.Master",
                "--host", "127.0.0.1", "--port", String.valueOf(masterPort), "--webui-port", String.valueOf(masterUiPort));
        master = ChildProcess.start("master", masterCmd, env, work, logs);
        // Spark moves to the next port when one is taken meanwhile: believe the log, not the request.
        masterPort = Integer.parseInt(awaitMasterLog(Pattern.compile("Starting Spark master at spark://127\\.0\\.0\\.1:(\\d+)")));
        masterUiPort = Integer.parseInt(awaitMasterLog(Pattern.compile("started service 'MasterUI' on port (\\d+)")));
        List<String> workerCmd = daemon("512m", classpath, "org.apache.spark.deploy.worker.Worker",
                masterUrl(), "--host", "127.0.0.1", "--cores", "1", "--memory", "1g",
                "--webui-port", String.valueOf(workerUiPort), "--work-dir", workerDir.toString());
        worker = ChildProcess.start("worker", workerCmd, env, work, logs);
        System.out.printf("cluster: master pid %d on %s (ui %d), worker pid %d; started in %s%n", master.pid(),
                masterUrl(), masterUiPort, worker.pid(), ItSupport.seconds(System.nanoTime() - t0));
    }

    private static String awaitMasterLog(Pattern pattern) throws InterruptedException {
        String line = master.awaitStderr(l -> pattern.matcher(l).find(), CLUSTER_START_TIMEOUT);
        if (line == null) {
            fail("the master did not log /" + pattern + "/ within " + CLUSTER_START_TIMEOUT + "\n"
                    + ItSupport.tail(logs.resolve("master.err"), 30));
        }
        Matcher m = pattern.matcher(line);
        m.find();
        return m.group(1);
    }

    @AfterAll
    static void stopCluster() {
        // Worker first: its shutdown hook kills its executors; anything left is killed hard.
        stop(worker);
        stop(master);
    }

    @Test
    void clusterLoadPublishesTheSameWarehouseAsLocal() throws Exception {
        // The sample agreement with one quarter's return kept in Excel, so executors read a workbook with POI.
        Path landing = ItSupport.copyOfSampleWithWorkbookReturn(work.resolve("landing"), "2007-08-Q2");
        Path localData = work.resolve("local");
        Path clusterData = work.resolve("cluster");
        long t0 = System.nanoTime();

        // The local run does not need the cluster: start it now, while master and worker come up.
        try (ChildProcess local = ChildProcess.etl("etl-local", logs, "etl", "--landing", landing.toString(),
                "--data", localData.toString())) {
            awaitWorkerRegistered();
            long ready = System.nanoTime();
            System.out.printf("cluster: worker registered after %s%n", ItSupport.seconds(ready - t0));

            try (ChildProcess cluster = ChildProcess.etl("etl-cluster", logs, "etl", "--landing", landing.toString(),
                    "--data", clusterData.toString(), "--master", masterUrl(),
                    "--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.driver.bindAddress=127.0.0.1",
                    "--conf", "spark.executor.memory=512m",
                    "--conf", "spark.executor.extraJavaOptions=" + String.join(" ", ItSupport.CHILD_JVM_OPTS))) {
                int clusterExit = cluster.waitFor(LOAD_TIMEOUT);
                System.out.printf("cluster: ETL on %s took %s (exit %d)%n", masterUrl(),
                        ItSupport.seconds(cluster.elapsedNanos()), clusterExit);
                assertThat(clusterExit).as("cluster ETL exit code\n%s", cluster.logs(60)).isZero();
                assertThat(cluster.stdout()).contains("start Spark (" + masterUrl() + ")");
            }
            int localExit = local.waitFor(LOAD_TIMEOUT);
            System.out.printf("cluster: ETL on local[*] took %s (exit %d)%n", ItSupport.seconds(local.elapsedNanos()),
                    localExit);
            assertThat(localExit).as("local ETL exit code\n%s", local.logs(60)).isZero();
            assertThat(local.stdout()).contains("start Spark (local[*])");
        }
        System.out.printf("cluster: both loads done after %s%n", ItSupport.seconds(System.nanoTime() - t0));

        assertTheClusterRanTheJob();
        assertSameWarehouse(localData, clusterData);
        System.out.printf("cluster: test done after %s%n", ItSupport.seconds(System.nanoTime() - t0));
    }

    /** The master saw the application finish, and an executor on the worker ran tasks with our shipped jars. */
    private static void assertTheClusterRanTheJob() throws Exception {
        JsonNode app = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (app == null && System.nanoTime() < deadline) {
            for (JsonNode a : masterState().path("completedapps")) {
                if ("trajectory-etl".equals(a.path("name").asText())) {
                    app = a;
                }
            }
            if (app == null) {
                Thread.sleep(250);
            }
        }
        assertThat(app).as("the master lists a completed trajectory-etl application\n%s",
                ItSupport.tail(logs.resolve("master.err"), 30)).isNotNull();
        assertThat(app.path("state").asText()).isEqualTo("FINISHED");
        String appId = app.path("id").asText();

        Path appDir = workerDir.resolve(appId);
        assertThat(appDir).as("the worker's folder for %s\n%s", appId, ItSupport.tail(logs.resolve("worker.err"), 30))
                .isDirectory();
        List<Path> executorLogs;
        try (Stream<Path> s = Files.list(appDir)) {
            executorLogs = s.map(d -> d.resolve("stderr")).filter(Files::isRegularFile).toList();
        }
        assertThat(executorLogs).as("executor stderr files under %s", appDir).isNotEmpty();
        String executorLog = String.join("\n", executorLogs.stream().map(p -> {
            try {
                return Files.readString(p, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).toList());
        // Our jars reached the executor only through spark.jars (they are not in the fake SPARK_HOME).
        assertThat(executorLog).as("executor log %s", executorLogs)
                .containsPattern("Adding file:\\S*/trajectory-etl\\.jar to class loader")
                .containsPattern("Adding file:\\S*/trajectory-warehouse-[^/ ]*\\.jar to class loader")
                .containsPattern("Adding file:\\S*/commons-csv-[^/ ]*\\.jar to class loader")
                .containsPattern("Adding file:\\S*/poi-ooxml-[^/ ]*\\.jar to class loader")
                .contains("Finished task")
                .doesNotContain("ClassNotFoundException");
        long tasks = executorLog.lines().filter(l -> l.contains("Finished task")).count();
        System.out.printf("cluster: application %s ran %d task(s) on the worker's executor%n", appId, tasks);
    }

    private static void assertSameWarehouse(Path localData, Path clusterData) throws Exception {
        Path localFile = ItSupport.currentSnapshot(localData);
        Path clusterFile = ItSupport.currentSnapshot(clusterData);
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<String> differences = new ArrayList<>();
        try (Connection l = ItSupport.openReadOnly(localFile); Connection c = ItSupport.openReadOnly(clusterFile)) {
            for (String table : TABLES) {
                List<String> expected = ItSupport.stableRows(l, table);
                List<String> actual = ItSupport.stableRows(c, table);
                counts.put(table, expected.size());
                if (!expected.equals(actual)) {
                    differences.add(describeDifference(table, expected, actual));
                }
            }
        }
        System.out.printf("cluster: compared %s%n", counts);
        if (!differences.isEmpty()) {
            fail("the cluster warehouse differs from the local one:\n" + String.join("\n", differences));
        }
        assertThat(counts.get("fact_indicator_return")).as("facts loaded").isGreaterThan(1000);
        assertThat(counts.get("mart_indicator_quarter")).isPositive();
        assertThat(counts.get("agg_theme_rating")).isPositive();
    }

    private static String describeDifference(String table, List<String> expected, List<String> actual) {
        List<String> onlyLocal = new ArrayList<>(expected);
        actual.forEach(onlyLocal::remove);
        List<String> onlyCluster = new ArrayList<>(actual);
        expected.forEach(onlyCluster::remove);
        return String.format("  %s: %d local rows, %d cluster rows; only local %s; only cluster %s", table,
                expected.size(), actual.size(), onlyLocal.subList(0, Math.min(3, onlyLocal.size())),
                onlyCluster.subList(0, Math.min(3, onlyCluster.size())));
    }

    private static void awaitWorkerRegistered() throws Exception {
        long deadline = System.nanoTime() + CLUSTER_START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!master.isAlive() || !worker.isAlive()) {
                fail("the " + (master.isAlive() ? "worker" : "master") + " exited while starting\n"
                        + ItSupport.tail(logs.resolve("master.err"), 30) + "\n" + ItSupport.tail(logs.resolve("worker.err"), 30));
            }
            try {
                JsonNode state = masterState();
                if ("ALIVE".equals(state.path("status").asText()) && state.path("aliveworkers").asInt() >= 1) {
                    return;
                }
            } catch (IOException e) {
                // the master's web UI is not up yet
            }
            Thread.sleep(250);
        }
        fail("no worker registered with " + masterUrl() + " within " + CLUSTER_START_TIMEOUT + "\n"
                + ItSupport.tail(logs.resolve("master.err"), 30) + "\n" + ItSupport.tail(logs.resolve("worker.err"), 30));
    }

    private static JsonNode masterState() throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + masterUiPort + "/json/"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("master UI answered " + r.statusCode());
        }
        return json.readTree(r.body());
    }

    private static String masterUrl() {
        return "spark://127.0.0.1:" + masterPort;
    }

    /** {@code java -Xmx.. <Spark's opens> -cp <jars> <main> args...}. */
    private static List<String> daemon(String heap, String classpath, String mainClass, String... args) {
        List<String> cmd = new ArrayList<>(List.of(ItSupport.javaBin(), "-Xmx" + heap));
        cmd.addAll(ItSupport.CHILD_JVM_OPTS);
        cmd.addAll(ItSupport.sparkJvmOpens());
        cmd.addAll(List.of("-cp", classpath, mainClass));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /**
     * target/spark-home: {@code jars/} links to every runtime library except ours, which is what
     * the worker's launcher library builds an executor's class path from; {@code conf/} empty.
     */
    private static Path fakeSparkHome() throws IOException {
        Path home = ItSupport.targetDir().resolve("spark-home");
        ItSupport.deleteRecursively(home);
        Path jars = Files.createDirectories(home.resolve("jars"));
        Files.createDirectories(home.resolve("conf"));
        Path lib = ItSupport.targetDir().resolve("lib");
        int linked = 0;
        try (Stream<Path> s = Files.list(lib)) {
            for (Path jar : s.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList()) {
                String name = jar.getFileName().toString();
                if (NOT_IN_SPARK_HOME.stream().anyMatch(name::startsWith)) {
                    continue;
                }
                try {
                    Files.createSymbolicLink(jars.resolve(name), jar.toAbsolutePath());
                } catch (UnsupportedOperationException | IOException e) {
                    Files.copy(jar, jars.resolve(name));
                }
                linked++;
            }
        }
        assertThat(linked).as("Spark jars in %s", lib).isGreaterThan(50);
        try (Stream<Path> s = Files.list(jars)) {
            assertThat(s.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("spark-core_"));
        }
        return home;
    }

    private static void stop(ChildProcess p) {
        if (p == null) {
            return;
        }
        List<ProcessHandle> children = ProcessHandle.of(p.pid()).map(h -> h.descendants().toList()).orElse(List.of());
        try {
            ProcessHandle.of(p.pid()).ifPresent(ProcessHandle::destroy); // SIGTERM: shutdown hooks run
            ProcessHandle.of(p.pid()).ifPresent(h -> {
                try {
                    h.onExit().get(15, TimeUnit.SECONDS);
                } catch (Exception e) {
                    // still running: killed below
                }
            });
        } finally {
            p.close();
            for (ProcessHandle c : children) {
                c.destroyForcibly();
            }
        }
    }
}
