package io.trajectory.etl.job;

import io.trajectory.warehouse.snapshot.Snapshot;
import io.trajectory.warehouse.snapshot.SnapshotStore;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Helpers for tests that run real loads: copy a fixture, run LoadJob, query the snapshot read-only. */
public final class TestLoads {

    private TestLoads() {
    }

    public static LoadOptions options(Path landing, Path data) {
        return new LoadOptions(landing, data, "local[2]", Map.of(), 2, 0.60, false, false, 5);
    }

    public static LoadOptions provisional(Path landing, Path data) {
        return new LoadOptions(landing, data, "local[2]", Map.of(), 2, 0.60, true, false, 5);
    }

    /** Runs a load, keeping its progress output for assertions. */
    public static Result run(LoadOptions options) throws SQLException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LoadSummary summary = new LoadJob(options, new Progress(new PrintStream(out, true, StandardCharsets.UTF_8))).run();
        return new Result(summary, out.toString(StandardCharsets.UTF_8));
    }

    public record Result(LoadSummary summary, String output) {
    }

    /** Copies a folder from test resources (or any path) into {@code to}. */
    public static Path copy(Path from, Path to) {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path resource(String name) {
        return Path.of("src/test/resources", name).toAbsolutePath();
    }

    /** The bundled sample agreement. */
    public static Path sampleLanding() {
        return Path.of("sample/landing").toAbsolutePath();
    }

    public static Snapshot current(Path data) {
        return SnapshotStore.at(data).current().orElseThrow(() -> new AssertionError("no current snapshot in " + data));
    }

    /** Every row of a query on the current snapshot, each cell as text ("null" for SQL NULL). */
    public static List<List<String>> rows(Path data, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(current(data).readOnlyUrl());
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            List<List<String>> out = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>(n);
                for (int i = 1; i <= n; i++) {
                    Object v = rs.getObject(i);
                    row.add(String.valueOf(v));
                }
                out.add(row);
            }
            return out;
        }
    }

    /** The single value a query returns. */
    public static String value(Path data, String sql) throws SQLException {
        List<List<String>> rows = rows(data, sql);
        if (rows.size() != 1 || rows.get(0).size() != 1) {
            throw new AssertionError("expected one value from " + sql + " but got " + rows);
        }
        return rows.get(0).get(0);
    }
}
