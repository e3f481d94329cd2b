package io.trajectory.api;

import org.apache.commons.io.file.PathUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The sample agreement's real snapshot, built once for the test run by the real ETL, run as a
 * child process exactly as in production ({@code java -jar etl/target/trajectory-etl.jar etl
 * --landing etl/sample/landing --data target/sample-data}): the service's JVM never loads Spark.
 * A snapshot already built from the same landing zone and publish step (the warehouse's schema
 * and publish SQL) is reused. When the ETL jar is missing or older than that publish step (e.g.
 * {@code mvn -pl api -am verify}, which does not package etl) it is built first with the same Maven.
 */
public final class SampleSnapshot {

    private static Path built;

    private SampleSnapshot() {
    }

    /** The data folder holding the sample's published snapshot. */
    public static synchronized Path dataDir() {
        if (built == null) {
            built = build();
        }
        return built;
    }

    /** The ETL jar (built, with the sample's snapshot, by {@link #dataDir()}). */
    public static Path etlJar() {
        dataDir();
        return Path.of(System.getProperty("trajectory.etlJar", root().resolve("etl/target/trajectory-etl.jar").toString()));
    }

    /** The project root (the reactor). */
    public static Path root() {
        return Path.of(System.getProperty("trajectory.root", "..")).toAbsolutePath().normalize();
    }

    /**
     * A fresh data folder {@code folder} (emptied first) serving a copy of the sample snapshot as
     * version 1: for a test that publishes, switches or refreshes without touching the shared one.
     */
    public static Path servedFrom(String folder) {
        try {
            Path dir = Path.of(folder).toAbsolutePath();
            deleteTree(dir);
            Files.createDirectories(dir);
            copyAsVersion(dir, 1);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh data folder holding a copy of the sample snapshot as version {@code version}. */
    public static Path copyAsVersion(Path dataDir, int version) throws IOException {
        Path source = currentFile(dataDir());
        Path snapshots = Files.createDirectories(dataDir.resolve("snapshots"));
        String name = String.format("warehouse-v%06d.duckdb", version);
        Path tmp = snapshots.resolve("." + name + ".copying");
        Files.copy(source, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, snapshots.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        Path pointer = dataDir.resolve("current.tmp");
        Files.writeString(pointer, name + "\n", StandardCharsets.UTF_8);
        Files.move(pointer, dataDir.resolve("current"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return snapshots.resolve(name);
    }

    private static Path currentFile(Path data) throws IOException {
        String name = Files.readString(data.resolve("current"), StandardCharsets.UTF_8).strip();
        return data.resolve("snapshots").resolve(name);
    }

    private static Path build() {
        try {
            Path data = Path.of(System.getProperty("trajectory.testData", "target/sample-data")).toAbsolutePath();
            Path landing = root().resolve("etl/sample/landing");
            Path stamp = data.resolve("landing.sha256");
            // a snapshot is what the landing zone and the publish step (schema and publish SQL) make
            List<Path> publish = List.of(root().resolve(PUBLISH_SQL).resolve("publish"),
                    root().resolve(PUBLISH_SQL).resolve("schema"));
            String fingerprint = fingerprint(landing) + " " + fingerprint(publish.get(0)) + " " + fingerprint(publish.get(1));
            if (Files.exists(data.resolve("current")) && Files.exists(stamp)
                    && Files.readString(stamp).strip().equals(fingerprint)) {
                return data;
            }
            Path jar = Path.of(System.getProperty("trajectory.etlJar", root().resolve("etl/target/trajectory-etl.jar").toString()));
            Path log = data.getParent().resolve("sample-etl.log");
            if (!Files.exists(jar) || olderThanAny(jar, publish)) {
                buildEtlJar(log); // e.g. mvn -pl api -am, which does not package etl
            }
            deleteTree(data);
            Files.createDirectories(data);
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            run(List.of(java, "-Dspark.local.ip=127.0.0.1", "-jar", jar.toString(), "etl", "--landing", landing.toString(),
                    "--data", data.toString()), log, 15);
            if (!Files.exists(data.resolve("current"))) {
                throw new IllegalStateException("the ETL published no snapshot; see " + log);
            }
            Files.writeString(stamp, fingerprint);
            return data;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The warehouse's schema and publish SQL, which the ETL jar carries. */
    private static final String PUBLISH_SQL = "warehouse/src/main/resources/io/trajectory/warehouse";

    private static boolean olderThanAny(Path jar, List<Path> dirs) throws IOException {
        long built = Files.getLastModifiedTime(jar).toMillis();
        for (Path dir : dirs) {
            try (Stream<Path> files = Files.walk(dir)) {
                if (files.filter(Files::isRegularFile).anyMatch(f -> lastModified(f) > built)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static long lastModified(Path f) {
        try {
            return Files.getLastModifiedTime(f).toMillis();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void buildEtlJar(Path log) throws IOException {
        String mavenHome = System.getProperty("maven.home");
        String mvn = mavenHome == null ? "mvn" : Path.of(mavenHome, "bin", "mvn").toString();
        run(List.of(mvn, "-B", "-q", "-f", root().resolve("pom.xml").toString(), "-pl", "etl", "-am", "package",
                "-DskipTests"), log, 20);
    }

    private static void run(List<String> command, Path log, int minutes) throws IOException {
        Files.createDirectories(log.getParent());
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        Process p = pb.start();
        try {
            if (!p.waitFor(minutes, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out after " + minutes + " min: " + command + "; see " + log);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + command, e);
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException("exit " + p.exitValue() + ": " + command + "; see " + log + ":\n"
                    + tail(log));
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    private static String fingerprint(Path landing) throws IOException {
        try (Stream<Path> files = Files.walk(landing)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            List<Path> sorted = new ArrayList<>(files.filter(Files::isRegularFile).sorted().toList());
            for (Path f : sorted) {
                md.update(landing.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
                md.update(Files.readAllBytes(f));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            PathUtils.deleteDirectory(dir);
        }
    }
}
