package io.trajectory.warehouse.cli;

import io.trajectory.warehouse.snapshot.Snapshot;
import io.trajectory.warehouse.snapshot.SnapshotStore;
import org.apache.commons.csv.CSVFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code trajectory sql}: a read-only query on the current snapshot, printed as a table (or CSV).
 * The snapshot is opened read-only, so a query can never change it.
 */
@Command(name = "sql",
        description = {"Run a read-only SQL query on the current warehouse snapshot.",
                "Tables: dim_*, fact_*, meta_*, mart_indicator_quarter, agg_*; views: v_trend,",
                "v_trajectory_gap, v_comparison, v_transition."})
public final class SqlCommand implements Callable<Integer> {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = "--data", defaultValue = "./data", paramLabel = "DIR",
            description = "Data folder holding the snapshots (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--format", defaultValue = "table", paramLabel = "table|csv",
            description = "Output format (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--max-rows", defaultValue = "200", paramLabel = "N",
            description = "Print at most N rows (default: ${DEFAULT-VALUE}; 0 = all).")
    int maxRows;

    @Parameters(index = "0", paramLabel = "QUERY", description = "The SQL query.")
    String query;

    private final PrintStream out;
    private final PrintStream err;

    public SqlCommand() {
        this(System.out, System.err);
    }

    SqlCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(CommandLines.execute(new SqlCommand(), args));
    }

    @Override
    public Integer call() {
        if (!format.equals("table") && !format.equals("csv")) {
            err.println("error: --format must be table or csv, not '" + format + "'");
            return 2;
        }
        Snapshot snapshot;
        try {
            snapshot = SnapshotStore.at(data).current().orElse(null);
        } catch (RuntimeException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
        if (snapshot == null) {
            err.println("error: no snapshot has been published under " + data.toAbsolutePath()
                    + "; run ./trajectory etl --landing DIR --data " + data + " first");
            return 1;
        }
        // Prepared first: a statement's execute reports a bad query as DuckDB's "unsuccessful or
        // closed pending query result" before the real error; preparing reports just the error.
        try (Connection c = DriverManager.getConnection(snapshot.readOnlyUrl());
             PreparedStatement st = c.prepareStatement(query);
             ResultSet rs = st.executeQuery()) {
            print(rs);
            return 0;
        } catch (SQLException e) {
            printError(e.getMessage());
            return 1;
        }
    }

    /** DuckDB's message: its first line is the error, then context (candidates, the query with a caret). */
    private void printError(String message) {
        List<String> lines = message.strip().lines().filter(l -> !l.isBlank()).toList();
        err.println("error: " + lines.get(0));
        lines.subList(1, lines.size()).forEach(l -> err.println("  " + l));
    }

    private void print(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        List<String[]> rows = new ArrayList<>();
        String[] header = new String[n];
        for (int i = 0; i < n; i++) {
            header[i] = md.getColumnLabel(i + 1);
        }
        long total = 0;
        while (rs.next()) {
            total++;
            if (maxRows == 0 || rows.size() < maxRows) {
                String[] row = new String[n];
                for (int i = 0; i < n; i++) {
                    Object v = rs.getObject(i + 1);
                    row[i] = v == null ? "" : v.toString();
                }
                rows.add(row);
            }
        }
        if (format.equals("csv")) {
            out.println(csvLine(header));
            rows.forEach(r -> out.println(csvLine(r)));
            if (total > rows.size()) {
                // Never cut an extract short silently; stderr keeps the CSV itself clean.
                err.printf("note: first %,d of %,d rows written; use --max-rows 0 for all%n", rows.size(), total);
            }
        } else {
            printTable(header, rows);
            out.printf("(%,d row%s%s)%n", total, total == 1 ? "" : "s",
                    total > rows.size() ? ", first " + rows.size() + " shown; use --max-rows" : "");
        }
    }

    private void printTable(String[] header, List<String[]> rows) {
        TextTable table = TextTable.literal(header);
        rows.forEach(r -> table.row((Object[]) r));
        table.plain(60).forEach(out::println);
    }

    private static String csvLine(String[] cells) {
        return CSVFormat.DEFAULT.format((Object[]) cells);
    }
}
