package io.trajectory.etl.it;

import org.apache.commons.io.file.PathUtils;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shared plumbing for the integration tests that run the packaged ETL jar as a child process:
 * where things are, fresh work folders, free loopback ports, and read-only looks at snapshots.
 */
final class ItSupport {

    /** Columns that differ between two loads of the same input by design. */
    static final Set<String> VOLATILE_COLUMNS = Set.of("batch_id", "first_batch_id", "loaded_at", "published_at",
            "committed_at", "batch_ids");

    /**
     * JVM options for every child JVM (loads, master, worker, executors): these runs are short,
     * and with the C2 compiler JIT compilation alone takes about half the CPU of a small load on
     * two cores. C1 only and the serial collector halve the CPU time; behaviour is unchanged.
     */
    static final List<String> CHILD_JVM_OPTS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private ItSupport() {
    }

    /** The packaged jar under test: failsafe passes it as {@code trajectory.etlJar}. */
    static Path etlJar() {
        String prop = System.getProperty("trajectory.etlJar");
        Path jar = prop != null ? Path.of(prop) : Path.of("target", "trajectory-etl.jar");
        jar = jar.toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the ETL jar is not built: " + jar + " (run mvn package first)");
        }
        return jar;
    }

    /** The etl module folder (the jar sits in its target/). */
    static Path moduleDir() {
        return etlJar().getParent().getParent();
    }

    static Path targetDir() {
        return etlJar().getParent();
    }

    static Path sampleLanding() {
        return moduleDir().resolve("sample").resolve("landing");
    }

    /**
     * The sample agreement copied to {@code to}, with {@code quarter}'s {@code indicators.csv}
     * replaced by the same return as an Excel workbook (figures as numbers, the rest as text).
     */
    static Path copyOfSampleWithWorkbookReturn(Path to, String quarter) throws IOException {
        Path from = sampleLanding();
        PathUtils.copyDirectory(from, to);
        Path csv = to.resolve("returns").resolve(quarter).resolve("indicators.csv");
        try (var reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             var records = org.apache.commons.csv.CSVFormat.DEFAULT.parse(reader);
             var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
             var out = Files.newOutputStream(csv.resolveSibling("indicators.xlsx"))) {
            var sheet = workbook.createSheet("indicators");
            int r = 0;
            for (var record : records) {
                var row = sheet.createRow(r++);
                for (int c = 0; c < record.size(); c++) {
                    String v = record.get(c);
                    if (v.isEmpty()) {
                        continue;
                    }
                    if (r > 1 && v.matches("-?\\d+(\\.\\d+)?")) {
                        row.createCell(c).setCellValue(Double.parseDouble(v));
                    } else {
                        row.createCell(c).setCellValue(v);
                    }
                }
            }
            workbook.write(out);
        }
        Files.delete(csv);
        return to;
    }

    /** A fresh, empty folder under target/it-work (kept after the run, for looking at logs). */
    static Path freshWorkDir(String name) throws IOException {
        Path dir = targetDir().resolve("it-work").resolve(name);
        deleteRecursively(dir);
        Files.createDirectories(dir);
        return dir;
    }

    static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * Spark's JDK 17 module options, as the root pom lists them in {@code spark.jvm.opens} (the
     * one place they are written down), falling back to the options this JVM was started with.
     */
    static List<String> sparkJvmOpens() {
        Path pom = moduleDir().getParent().resolve("pom.xml");
        try {
            Matcher m = Pattern.compile("<spark\\.jvm\\.opens>([^<]+)</spark\\.jvm\\.opens>")
                    .matcher(Files.readString(pom, StandardCharsets.UTF_8));
            if (m.find()) {
                return Arrays.asList(m.group(1).strip().split("\\s+"));
            }
        } catch (IOException e) {
            // fall through
        }
        return java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-") || a.startsWith("-XX:+IgnoreUnrecognized")
                        || a.startsWith("-Djdk.reflect") || a.startsWith("-Dio.netty"))
                .toList();
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The snapshot file {@code <data>/current} names. */
    static Path currentSnapshot(Path dataDir) throws IOException {
        String name = Files.readString(dataDir.resolve("current"), StandardCharsets.UTF_8).strip();
        Path file = dataDir.resolve("snapshots").resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(dataDir.resolve("current") + " names " + file + ", which does not exist");
        }
        return file;
    }

    static String currentName(Path dataDir) throws IOException {
        return Files.readString(dataDir.resolve("current"), StandardCharsets.UTF_8).strip();
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Connection openReadOnly(Path snapshot) throws SQLException {
        return DriverManager.getConnection("jdbc:duckdb:" + snapshot.toAbsolutePath() + ";access_mode=READ_ONLY");
    }

    /** Every row of a query as one string per row, cells joined by '|'; doubles rounded to 12 significant digits. */
    static List<String> rows(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            int n = md.getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    if (i > 1) {
                        row.append('|');
                    }
                    Object v = rs.getObject(i);
                    int type = md.getColumnType(i);
                    if (v == null) {
                        row.append("∅");
                    } else if (type == Types.DOUBLE || type == Types.FLOAT || type == Types.REAL) {
                        row.append(String.format(Locale.ROOT, "%.12g", ((Number) v).doubleValue()));
                    } else {
                        row.append(v);
                    }
                }
                out.add(row.toString());
            }
        }
        return out;
    }

    /** {@code select <all but volatile columns> from table order by all}: comparable across loads. */
    static List<String> stableRows(Connection c, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select column_name from information_schema.columns where table_name = '"
                     + table + "' order by ordinal_position")) {
            while (rs.next()) {
                String col = rs.getString(1);
                if (!VOLATILE_COLUMNS.contains(col.toLowerCase(Locale.ROOT))) {
                    columns.add('"' + col + '"');
                }
            }
        }
        if (columns.isEmpty()) {
            throw new IllegalStateException("no table " + table + " in the snapshot");
        }
        return rows(c, "select " + String.join(", ", columns) + " from " + table + " order by all");
    }

    /** The last {@code lines} lines of a log, for failure messages. */
    static String tail(Path log, int lines) {
        try {
            if (!Files.exists(log)) {
                return "(no " + log + ")";
            }
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return "--- " + log + " (last " + Math.min(lines, all.size()) + " of " + all.size() + " lines) ---\n"
                    + String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(cannot read " + log + ": " + e + ")";
        }
    }

    static void deleteRecursively(Path p) throws IOException {
        if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        PathUtils.delete(p);
    }

    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }
}
