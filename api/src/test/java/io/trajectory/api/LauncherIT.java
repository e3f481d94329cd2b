package io.trajectory.api;

import io.trajectory.api.security.PasswordHash;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./trajectory} as a person types it, on the jars this build has just packaged: every
 * command's {@code --help} and usage errors, {@code sql}'s error, {@code hash-password}, and the
 * service's passwords at start-up. Each run's output is kept in {@code target/launcher-it/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LauncherIT {

    static final List<String> COMMANDS = List.of("etl", "generate", "benchmark", "sql", "serve", "demo",
            "api-benchmark", "hash-password");

    /** What a command that started nothing takes, with room for a busy two-core machine. */
    static final Duration QUICK = Duration.ofSeconds(30);

    private final Path root = SampleSnapshot.root();
    private final Path logs = root.resolve("api/target/launcher-it");
    private int runs;

    private record Run(int exit, String out, String err, Duration took) {
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    @BeforeAll
    void theJarsJustBuiltAreCurrent() throws IOException {
        // Maven leaves a jar it did not need to rewrite with its old time, which the launcher
        // (comparing every jar with every module's sources) would take for stale and rebuild.
        // bench comes before api in the reactor, so its jar is there too
        for (String jar : List.of("warehouse/target/trajectory-warehouse.jar", "etl/target/trajectory-etl.jar",
                "bench/target/trajectory-bench.jar", "api/target/trajectory-api.jar")) {
            Path file = root.resolve(jar);
            assertThat(file).as("built by the reactor before the api's integration tests").exists();
            Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
        }
        Files.createDirectories(logs);
    }

    @TestFactory
    Stream<DynamicTest> everyCommandAnswersHelpWithItsUsageAndStartsNothing() {
        return COMMANDS.stream().map(command -> DynamicTest.dynamicTest(command, () -> {
            Path cwd = emptyDir("help-" + command);
            int port = freePort();
            List<String> args = new ArrayList<>(List.of(command));
            if (command.equals("serve") || command.equals("demo")) {
                args.addAll(List.of("--port", Integer.toString(port)));
            }
            args.add("--help");

            Run run = launcher(cwd, Map.of(), null, args.toArray(String[]::new));

            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(run.out()).contains("Usage").contains(command);
            assertThat(run.err()).as("nothing on stderr: no build, no SLF4J warning").isEmpty();
            assertThat(run.took()).as("took").isLessThan(QUICK);
            assertThat(cwd).as("no data folder or output written").isEmptyDirectory();
            assertThat(isFree(port)).as("port %d left free", port).isTrue();
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyCommandRefusesAnUnknownOptionNamingIt() {
        return COMMANDS.stream().map(command -> DynamicTest.dynamicTest(command, () -> {
            Path cwd = emptyDir("unknown-" + command);

            Run run = launcher(cwd, Map.of(), null, command, "--no-such-option");

            assertThat(run.exit()).as(run.err()).isEqualTo(2);
            assertThat(run.errLines().get(0)).startsWith("error: ").contains("'--no-such-option'");
            assertThat(run.err()).contains("./trajectory " + command + " --help").doesNotContain("SLF4J");
            assertThat(run.out()).isEmpty();
            assertThat(cwd).isEmptyDirectory();
        }));
    }

    @Test
    void aMissingValueIsAUsageErrorNamingTheOption() throws Exception {
        for (List<String> line : List.of(List.of("serve", "--port"), List.of("sql", "--data"), List.of("etl", "--landing"),
                List.of("demo", "--port"), List.of("api-benchmark", "--seconds"), List.of("hash-password", "--cost"))) {
            Run run = launcher(emptyDir("missing-" + line.get(0)), Map.of(), null, line.toArray(String[]::new));

            assertThat(run.exit()).as("%s: %s", line, run.err()).isEqualTo(2);
            assertThat(run.errLines().get(0)).as("%s", line)
                    .startsWith("error: Missing required parameter for option '" + line.get(1) + "'");
        }
    }

    @Test
    void sqlWithABadQueryPrintsDuckDbsErrorOnceAndNothingElse() throws Exception {
        Run run = launcher(emptyDir("sql-bad-query"), Map.of(), null,
                "sql", "--data", SampleSnapshot.dataDir().toString(), "select no_such_column from dim_theme");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.errLines().get(0))
                .isEqualTo("error: Binder Error: Referenced column \"no_such_column\" not found in FROM clause!");
        assertThat(run.errLines()).filteredOn(l -> l.startsWith("error")).hasSize(1);
        assertThat(run.err()).doesNotContain("pending query").doesNotContain("SLF4J");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void hashPasswordPrintsAHashTheServiceLogsInWith() throws Exception {
        Run hashed = launcher(emptyDir("hash-password"), Map.of(), "correct horse\n", "hash-password", "--cost", "10");

        assertThat(hashed.exit()).as(hashed.err()).isZero();
        assertThat(hashed.out().lines()).hasSize(1);
        String hash = hashed.out().strip();
        assertThat(PasswordHash.isBcrypt(hash)).as(hash).isTrue();
        assertThat(new PasswordHash(hash).matches("correct horse")).isTrue();
        assertThat(hashed.err()).doesNotContain("SLF4J");

        // the printed line, given as the admin's password; the viewer's a plain one, hashed at start-up;
        // and a Micronaut -key=value setting passed through serve
        Path work = emptyDir("serve-hashed");
        int port = freePort();
        Path control = work.resolve("control.duckdb");
        Process serve = start(work, "serve-hashed",
                Map.of("TRAJECTORY_ADMIN_PASSWORD", hash, "TRAJECTORY_VIEWER_PASSWORD", "plain viewer"),
                "serve", "--data", SampleSnapshot.dataDir().toString(), "--port", Integer.toString(port),
                "-datasources.control.url=jdbc:duckdb:" + control);
        try {
            awaitLine(serve, logs.resolve("serve-hashed.out"), "Server Running", Duration.ofMinutes(3));
            String themes = "http://127.0.0.1:" + port + "/api/v1/themes";

            assertThat(get(themes, "admin", "correct horse")).isEqualTo(200);
            assertThat(get(themes, "admin", "correct horses")).isEqualTo(401);
            assertThat(get(themes, "viewer", "plain viewer")).isEqualTo(200);
            assertThat(get(themes, "viewer", "plain")).isEqualTo(401);
            assertThat(get(themes, null, null)).isEqualTo(401);
            assertThat(control).as("the -datasources.control.url setting reached Micronaut").exists();
        } finally {
            stop(serve);
        }
        assertThat(Files.readString(logs.resolve("serve-hashed.err"))).doesNotContain("SLF4J");
        assertThat(Files.readString(logs.resolve("serve-hashed.out"))).doesNotContain("SLF4J");
    }

    @Test
    void aSha256PasswordStopsServeAtStartWithOneLineSayingWhatToDo() throws Exception {
        Path cwd = emptyDir("serve-sha256");
        Path data = emptyDir("serve-sha256-data");
        int port = freePort();

        Run run = launcher(cwd, Map.of("TRAJECTORY_ADMIN_PASSWORD",
                        "sha256:240be518fabd2724ddb6f04eeb1da5967448d7e831c08c8fa822809f74c720a9"), null,
                "serve", "--data", data.toString(), "--port", Integer.toString(port));

        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.errLines().get(0))
                .startsWith("error: user 'admin': trajectory.security.users.admin.password is a plain sha256: hash")
                .contains("./trajectory hash-password");
        assertThat(run.out()).doesNotContain("Server Running").doesNotContain("SLF4J");
        assertThat(isFree(port)).isTrue();
    }

    // --- plumbing

    private Path emptyDir(String name) throws IOException {
        Path dir = root.resolve("api/target/launcher-it-work").resolve(name);
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted((a, b) -> b.compareTo(a)).toList()) {
                    Files.delete(p);
                }
            }
        }
        return Files.createDirectories(dir);
    }

    /** Runs {@code ./trajectory args} in {@code cwd} to the end; {@code stdin} null = none. */
    private Run launcher(Path cwd, Map<String, String> env, String stdin, String... args) throws Exception {
        String words = String.join("_", args).replaceAll("[^A-Za-z0-9_.-]", "");
        String name = String.format("%02d-%s", ++runs, words.substring(0, Math.min(60, words.length())));
        long started = System.nanoTime();
        Process p = start(cwd, name, env, args);
        try (OutputStream in = p.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        if (!p.waitFor(3, TimeUnit.MINUTES)) {
            stop(p);
            throw new AssertionError("./trajectory " + String.join(" ", args) + " was still running after 3 min; "
                    + "see " + logs.resolve(name + ".out"));
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        return new Run(p.exitValue(), Files.readString(logs.resolve(name + ".out")),
                Files.readString(logs.resolve(name + ".err")), took);
    }

    private Process start(Path cwd, String name, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(root.resolve("trajectory").toString()));
        command.addAll(List.of(args));
        Files.writeString(logs.resolve(name + ".cmd"), String.join(" ", command) + "\n");
        ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile())
                .redirectOutput(logs.resolve(name + ".out").toFile())
                .redirectError(logs.resolve(name + ".err").toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("TRAJECTORY_"));
        pb.environment().put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        pb.environment().put("MVN", "false"); // a jar the launcher finds stale fails here, never builds
        pb.environment().putAll(env);
        return pb.start();
    }

    private static void awaitLine(Process p, Path out, String text, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.readString(out).contains(text)) {
                return;
            }
            if (!p.isAlive()) {
                throw new AssertionError("exited " + p.exitValue() + " before printing '" + text + "'; see " + out);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no '" + text + "' within " + timeout + "; see " + out);
    }

    private static void stop(Process p) throws InterruptedException {
        List<ProcessHandle> children = p.descendants().toList();
        p.destroy();
        children.forEach(ProcessHandle::destroy);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            children.forEach(ProcessHandle::destroyForcibly);
        }
    }

    private static int get(String url, String user, String password) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
