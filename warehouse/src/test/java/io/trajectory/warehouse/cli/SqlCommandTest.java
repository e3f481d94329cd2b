package io.trajectory.warehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.trajectory.warehouse.publish.LakeFixture;
import io.trajectory.warehouse.publish.PublishOptions;
import io.trajectory.warehouse.publish.Publisher;
import io.trajectory.warehouse.snapshot.SnapshotStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code trajectory sql} on a snapshot published from the sample lake. */
class SqlCommandTest {

    @TempDir
    static Path dir;

    private static Path data;

    @BeforeAll
    static void publishTheSampleLake() throws SQLException {
        LakeFixture lake = new LakeFixture(dir.resolve("lake"));
        lake.commitSampleLoad();
        data = dir.resolve("data");
        new Publisher(m -> { }).publish(lake.lake(), SnapshotStore.at(data), PublishOptions.defaults());
    }

    @Test
    void query_printsAnAlignedTableAndTheRowCount() {
        Run run = sql("--data", data.toString(), "select indicator_ref, title, polarity_sign from dim_indicator order by 1");

        assertThat(run.exit).isZero();
        assertThat(run.err).isEmpty();
        assertThat(run.outLines()).containsExactly(
                "indicator_ref | title              | polarity_sign",
                "--------------+--------------------+--------------",
                "NI-1          | Children supported | 1",
                "NI-2          | Burglaries         | -1",
                "NI-3          | Apprenticeships    | 1",
                "(3 rows)");
    }

    @Test
    void query_ofOneRowSaysRowNotRows() {
        Run run = sql("--data", data.toString(), "select count(*) as n from fact_indicator_return");

        assertThat(run.outLines()).containsExactly("n", "-", "8", "(1 row)");
    }

    @Test
    void query_withNoRowsPrintsTheHeaderAndZeroRows() {
        Run run = sql("--data", data.toString(), "select theme_name from dim_theme where false");

        assertThat(run.exit).isZero();
        assertThat(run.outLines()).containsExactly("theme_name", "----------", "(0 rows)");
    }

    @Test
    void query_showsNullAsBlankAndKeepsEachRowOnOneLine() {
        Run run = sql("--data", data.toString(), "select null as a, 'two' || chr(10) || 'lines' as b");

        assertThat(run.outLines()).containsExactly("a | b", "--+----------", "  | two lines", "(1 row)");
    }

    @Test
    void query_cutsVeryLongValuesAtSixtyCharactersWithAnEllipsis() {
        Run run = sql("--data", data.toString(), "select repeat('x', 100) as long_value");

        String row = run.outLines().get(2);
        assertThat(row).hasSize(60).endsWith("x\u2026");
    }

    @Test
    void query_withMoreRowsThanMaxRowsShowsTheFirstAndSaysHowMany() {
        Run run = sql("--data", data.toString(), "--max-rows", "2",
                "select period_key from dim_period order by 1");

        assertThat(run.exit).isZero();
        assertThat(run.outLines()).containsExactly(
                "period_key", "----------", "20064", "20071", "(9 rows, first 2 shown; use --max-rows)");
    }

    @Test
    void query_withMaxRowsZeroShowsEveryRow() {
        Run run = sql("--data", data.toString(), "--max-rows", "0", "select * from range(250)");

        assertThat(run.outLines()).hasSize(2 + 250 + 1).last().isEqualTo("(250 rows)");
    }

    @Test
    void csv_printsAHeaderAndRowsQuotingWhereNeeded() {
        Run run = sql("--data", data.toString(), "--format", "csv", """
                select 'Safer, Stronger' as theme, 'the "best" area' as quoted, 'plain' as plain, null as empty,
                       'two' || chr(10) || 'lines' as multi""");

        assertThat(run.exit).isZero();
        assertThat(run.err).isEmpty();
        assertThat(run.out).isEqualTo(String.join(System.lineSeparator(),
                "theme,quoted,plain,empty,multi",
                "\"Safer, Stronger\",\"the \"\"best\"\" area\",plain,,\"two\nlines\"",
                ""));
    }

    @Test
    void csv_printsNoTableDecoration() {
        Run run = sql("--data", data.toString(), "--format", "csv", "select theme_name from dim_theme order by 1");

        assertThat(run.outLines()).containsExactly("theme_name", "Children", "Safer");
    }

    @Test
    void csv_withMoreRowsThanMaxRowsSaysSoOnStandardErrorOnly() {
        Run run = sql("--data", data.toString(), "--format", "csv", "--max-rows", "3", "select * from range(10) t(n)");

        assertThat(run.exit).isZero();
        assertThat(run.outLines()).containsExactly("n", "0", "1", "2");
        assertThat(run.err).contains("first 3 of 10 rows").contains("--max-rows");
    }

    @Test
    void aWriteStatementFailsBecauseTheSnapshotIsReadOnly() {
        for (String write : List.of(
                "insert into dim_theme values (99, 'Invented', 99)",
                "delete from fact_indicator_return",
                "create table scratch as select 1",
                "drop view v_trend")) {
            Run run = sql("--data", data.toString(), write);

            assertThat(run.exit).as(write).isEqualTo(1);
            assertThat(run.err).as(write).startsWith("error: ").contains("read-only");
            assertThat(run.out).as(write).isEmpty();
        }
        assertThat(sql("--data", data.toString(), "select count(*) from fact_indicator_return").outLines())
                .contains("8");
        assertThat(sql("--data", data.toString(), "select count(*) from dim_theme").outLines()).contains("2");
    }

    @Test
    void aBadQueryFailsWithDuckDbsMessage() {
        Run run = sql("--data", data.toString(), "select * from no_such_table");

        assertThat(run.exit).isEqualTo(1);
        assertThat(run.err).startsWith("error: ").contains("no_such_table");
        assertThat(run.out).isEmpty();
    }

    @Test
    void aBadColumnPrintsDuckDbsErrorOnItsOwnLineWithItsContextBelow() {
        Run run = sql("--data", data.toString(), "select no_such_column from dim_theme");

        assertThat(run.exit).isEqualTo(1);
        List<String> lines = run.err.lines().toList();
        assertThat(lines.get(0)).isEqualTo("error: Binder Error: Referenced column \"no_such_column\" not found in FROM clause!");
        assertThat(lines).filteredOn(l -> l.startsWith("error")).hasSize(1);
        assertThat(lines.subList(1, lines.size())).allMatch(l -> l.startsWith("  "))
                .anyMatch(l -> l.contains("LINE 1: select no_such_column from dim_theme"));
        assertThat(run.err).doesNotContain("pending query");
        assertThat(run.out).isEmpty();
    }

    @Test
    void noSnapshotYetFailsNamingTheDataFolderAndHowToLoadIt() {
        Path empty = dir.resolve("empty-data");

        Run run = sql("--data", empty.toString(), "select 1");

        assertThat(run.exit).isEqualTo(1);
        assertThat(run.err).contains(empty.toAbsolutePath().toString()).contains("etl --landing");
        assertThat(run.out).isEmpty();
    }

    @Test
    void aBrokenCurrentPointerFailsNamingIt() throws IOException {
        Path broken = dir.resolve("broken-data");
        Files.createDirectories(broken);
        Files.writeString(broken.resolve("current"), "warehouse-v000042.duckdb\n");

        Run run = sql("--data", broken.toString(), "select 1");

        assertThat(run.exit).isEqualTo(1);
        assertThat(run.err).startsWith("error: ").contains(broken.toAbsolutePath().resolve("current").toString());
    }

    @Test
    void anUnknownFormatIsAUsageError() {
        Run run = sql("--data", data.toString(), "--format", "json", "select 1");

        assertThat(run.exit).isEqualTo(2);
        assertThat(run.err).contains("--format must be table or csv").contains("'json'");
        assertThat(run.out).isEmpty();
    }

    @Test
    void theSemanticViewsCanBeQueried() {
        Run run = sql("--data", data.toString(), "--format", "csv", """
                select period, rating, indicators from v_comparison
                where basis = 'latest' and theme = 'Totals' and area_code = '' and period_key = 20071
                order by rating""");

        assertThat(run.outLines()).containsExactly(
                "period,rating,indicators", "2007/08 Q1,AMBER,1", "2007/08 Q1,GREEN,1", "2007/08 Q1,RED,1");
    }

    private static Run sql(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = new CommandLine(new SqlCommand(o, e)).execute(args);
        }
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Run(int exit, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }
    }
}
