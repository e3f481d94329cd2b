package io.trajectory.notebooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.io.file.PathUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Runs every notebook in {@code notebooks/} headless, as an analyst would, against the real
 * service on the sample agreement: the ETL jar builds the snapshot and the service jar serves it,
 * both as child processes; Debian's Jupyter ({@code python3 -m nbconvert}) executes each notebook.
 * A notebook passes when every cell runs (its own asserts included) and it shows at least one
 * chart and one table. The executed notebooks, and HTML copies, are left in
 * {@code notebooks/target/executed/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotebooksTest {

    /** Debian's interpreter, not whatever python3 comes first on the PATH (pyenv, a venv...). */
    private static final String PYTHON = "/usr/bin/python3";
    private static final List<String> DEBIAN_PACKAGES =
            List.of("python3-nbconvert", "python3-ipykernel", "python3-pandas", "python3-matplotlib");

    private final Path root = Path.of(System.getProperty("trajectory.root", "..")).toAbsolutePath().normalize();
    private final Path notebooks = Path.of(System.getProperty("trajectory.notebooks", ".")).toAbsolutePath().normalize();
    private final Path target = Path.of(System.getProperty("trajectory.target", "target")).toAbsolutePath().normalize();
    private final Path executed = target.resolve("executed");
    private final Path serviceLog = target.resolve("service.log");

    private Process service;
    private String serviceUrl;

    @BeforeAll
    void startServiceOnSample() throws Exception {
        ensureDebianPackages();
        Path data = sampleSnapshot();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path jar = root.resolve("api/target/trajectory-api.jar");
        assertThat(jar).as("the service jar (built by the reactor before this module)").exists();
        ProcessBuilder pb = new ProcessBuilder(java(), "-Xmx1g", "--add-opens=java.base/java.nio=ALL-UNNAMED",
                "-jar", jar.toString(), "--data", data.toString(), "--port", Integer.toString(port), "--anonymous-read")
                .directory(root.toFile()).redirectErrorStream(true).redirectOutput(serviceLog.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("TRAJECTORY_"));
        service = pb.start();
        serviceUrl = "http://localhost:" + port;
        awaitHealthy(Duration.ofSeconds(90));
    }

    @AfterAll
    void stopService() throws InterruptedException {
        if (service != null) {
            service.destroy();
            if (!service.waitFor(20, TimeUnit.SECONDS)) {
                service.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> everyNotebookRunsAndShowsAChartAndATable() throws IOException {
        List<Path> all;
        try (Stream<Path> files = Files.list(notebooks)) {
            all = files.filter(p -> p.getFileName().toString().endsWith(".ipynb")).sorted().toList();
        }
        assertThat(all).as("notebooks in " + notebooks).hasSizeGreaterThanOrEqualTo(3);
        return all.stream().map(nb -> DynamicTest.dynamicTest(nb.getFileName().toString(), () -> execute(nb)));
    }

    private void execute(Path notebook) throws Exception {
        Files.createDirectories(executed);
        String name = notebook.getFileName().toString();
        Path out = executed.resolve(name);
        Files.deleteIfExists(out);
        Result run = run(List.of(PYTHON, "-m", "nbconvert", "--to", "notebook", "--execute",
                "--ExecutePreprocessor.timeout=300", "--output-dir", executed.toString(), notebook.toString()),
                executed.resolve(name + ".log"), 6);
        if (run.exitCode != 0) {
            fail(name + " failed (nbconvert exit " + run.exitCode + "); the failing cell and its traceback:\n"
                    + tail(run.output, 60) + "\nservice log: " + serviceLog);
        }
        // An HTML copy for people to read; a failure here is not the notebook's fault, so report only.
        Result html = run(List.of(PYTHON, "-m", "nbconvert", "--to", "html", "--output-dir", executed.toString(),
                out.toString()), executed.resolve(name + ".html.log"), 2);
        assertThat(html.exitCode).as("HTML export of " + name + ":\n" + tail(html.output, 20)).isZero();

        JsonNode executedNotebook = new ObjectMapper().readTree(out.toFile());
        int images = 0;
        int tables = 0;
        List<String> errors = new ArrayList<>();
        for (JsonNode cell : executedNotebook.path("cells")) {
            for (JsonNode output : cell.path("outputs")) {
                JsonNode data = output.path("data");
                images += data.has("image/png") ? 1 : 0;
                tables += data.has("text/html") ? 1 : 0;
                if ("error".equals(output.path("output_type").asText())) {
                    errors.add(output.path("ename").asText() + ": " + output.path("evalue").asText());
                }
            }
        }
        assertThat(errors).as(name + ": error outputs").isEmpty();
        assertThat(images).as(name + ": charts (image/png outputs)").isPositive();
        assertThat(tables).as(name + ": tables (text/html outputs)").isPositive();
    }

    // --- the service and its data ---------------------------------------------------------------

    private void ensureDebianPackages() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(root.resolve("scripts/ensure-debian-packages").toString()));
        command.addAll(DEBIAN_PACKAGES);
        Result r = run(command, target.resolve("ensure-debian-packages.log"), 15);
        if (r.exitCode != 0) {
            fail("scripts/ensure-debian-packages " + String.join(" ", DEBIAN_PACKAGES) + " failed (exit "
                    + r.exitCode + "):\n" + r.output);
        }
    }

    /** The sample agreement's snapshot, built by the real ETL jar; reused while the landing zone and publish step are unchanged. */
    private Path sampleSnapshot() throws IOException, InterruptedException {
        Path data = target.resolve("sample-data");
        Path landing = root.resolve("etl/sample/landing");
        Path stamp = data.resolve("landing.sha256");
        // a snapshot is what the landing zone and the publish step (schema and publish SQL) make
        Path publish = root.resolve("warehouse/src/main/resources/io/trajectory/warehouse");
        String fingerprint = fingerprint(landing) + " " + fingerprint(publish.resolve("publish")) + " "
                + fingerprint(publish.resolve("schema"));
        if (Files.exists(data.resolve("current")) && Files.exists(stamp)
                && Files.readString(stamp).strip().equals(fingerprint)) {
            return data;
        }
        Path jar = root.resolve("etl/target/trajectory-etl.jar");
        assertThat(jar).as("the ETL jar (built by the reactor before this module)").exists();
        deleteTree(data);
        Files.createDirectories(data);
        Path log = target.resolve("sample-etl.log");
        Result r = run(List.of(java(), "-Dspark.local.ip=127.0.0.1", "-jar", jar.toString(), "etl",
                "--landing", landing.toString(), "--data", data.toString()), log, 15);
        if (r.exitCode != 0 || !Files.exists(data.resolve("current"))) {
            fail("the ETL published no sample snapshot (exit " + r.exitCode + "):\n" + tail(r.output, 30));
        }
        Files.writeString(stamp, fingerprint);
        return data;
    }

    private void awaitHealthy(Duration timeout) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            if (!service.isAlive()) {
                fail("the service exited (" + service.exitValue() + ") before it was healthy:\n"
                        + tail(Files.readString(serviceLog), 40));
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(serviceUrl + "/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
                    return;
                }
                last = r.statusCode() + " " + r.body();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(500);
        }
        fail("the service was not healthy within " + timeout.toSeconds() + " s (last: " + last + "):\n"
                + tail(Files.readString(serviceLog), 40));
    }

    // --- child processes --------------------------------------------------------------------------

    private record Result(int exitCode, String output) {
    }

    /** Runs a command with Debian's tools first on the PATH; output (both streams) to {@code log}. */
    private Result run(List<String> command, Path log, int minutes) throws IOException, InterruptedException {
        Files.createDirectories(log.getParent());
        ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.put("PATH", "/usr/bin:/bin:" + env.getOrDefault("PATH", ""));
        env.put("TRAJECTORY_URL", serviceUrl == null ? "" : serviceUrl);
        env.remove("TRAJECTORY_USER");
        env.remove("TRAJECTORY_PASSWORD");
        env.remove("MPLBACKEND");           // the inline backend, as in Jupyter
        env.remove("PYTHONPATH");
        env.remove("PYTHONHOME");
        env.put("MPLCONFIGDIR", target.resolve("matplotlib").toString());
        env.put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        Process p = pb.start();
        if (!p.waitFor(minutes, TimeUnit.MINUTES)) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            fail("timed out after " + minutes + " min: " + command + "\n" + tail(Files.readString(log), 30));
        }
        return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The last lines of some output, without the terminal colour codes IPython puts in tracebacks. */
    private static String tail(String text, int lines) {
        List<String> all = text.replaceAll("\u001B\\[[;\\d]*m", "").lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    private static String fingerprint(Path landing) throws IOException {
        try (Stream<Path> files = Files.walk(landing)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                md.update(landing.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
                md.update(Files.readAllBytes(f));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            PathUtils.deleteDirectory(dir);
        }
    }
}
