package io.trajectory.etl.generate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class GenerateCommandTest {

    @TempDir
    Path temp;

    /** Exit code, standard output and standard error of one run. */
    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = new CommandLine(new GenerateCommand())
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    /** A 3 × 5 × 6 zone into temp/zone, with these options added or overriding those (option, value, ...; or a flag). */
    private String[] small(String... more) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("--authorities", "3");
        options.put("--indicators", "5");
        options.put("--quarters", "6");
        options.put("--out", temp.resolve("zone").toString());
        for (int k = 0; k < more.length; k++) {
            boolean flag = k + 1 == more.length || more[k + 1].startsWith("--");
            options.put(more[k], flag ? null : more[++k]);
        }
        List<String> args = new ArrayList<>();
        options.forEach((option, value) -> {
            args.add(option);
            if (value != null) {
                args.add(value);
            }
        });
        return args.toArray(String[]::new);
    }

    @Test
    void generateWritesTheZoneAndReportsProgressAndSummary() {
        Run run = run(small());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("3 authorities x 5 indicators x 6 quarters (2008/09 Q1 to 2009/10 Q2, seed 42)");
        assertThat(run.out().lines().filter(line -> line.matches("\\s+\\[\\d/6] \\d{4}/\\d{2} Q\\d .*rows.*MB")))
                .hasSize(6);
        assertThat(run.out()).containsPattern("Wrote 23 files: \\d+ return rows \\(\\d+ restatements\\), [\\d.]+ MB in [\\d.]+ s");
        assertThat(temp.resolve("zone/returns/2009-10-Q2/signoff.json")).exists();
    }

    @Test
    void onlyMissingSkipsExistingQuarters() {
        assertThat(run(small()).exitCode()).isZero();

        Run run = run(small("--quarters", "7", "--only-missing"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines().filter(line -> line.contains("skipped (folder exists)"))).hasSize(6);
        assertThat(run.out()).contains("(1 quarter written, 6 skipped)");
        assertThat(temp.resolve("zone/returns/2009-10-Q3/indicators.csv")).exists();
    }

    @Test
    void districtsAddAreasWithinEachAuthorityAndRowsToEveryReturn() throws Exception {
        Run run = run(small("--districts", "2"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("seed 42), 2 districts per authority into");
        List<String> areas = Files.readAllLines(temp.resolve("zone/definitions/areas.csv"));
        assertThat(areas).hasSize(1 + 3 * 3);
        assertThat(areas.get(2)).startsWith("E0600001-D01,").endsWith(",E0600001,district");
        assertThat(Files.readAllLines(temp.resolve("zone/returns/2008-09-Q1/indicators.csv")))
                .filteredOn(line -> line.contains(",E0600003-D02,")).hasSize(5);
    }

    @Test
    void districtsOutOfRangeAreUsageErrorsNamingTheOption() {
        assertThat(run(small("--districts", "-1")).err()).contains("--districts must be at least 0 (got -1)");
        Run tooMany = run(small("--districts", "100"));
        assertThat(tooMany.exitCode()).isEqualTo(2);
        assertThat(tooMany.err()).contains("--districts must be at most 99 (got 100)");
    }

    @Test
    void acceptsAnySpellingOfTheFirstQuarter() {
        Run run = run(small("--first-quarter", "Q3 10-11"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(temp.resolve("zone/returns/2010-11-Q3")).isDirectory();
    }

    @Test
    void zeroAuthoritiesIsAUsageErrorNamingTheOption() {
        Run run = run(small("--authorities", "0"));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--authorities must be at least 1 (got 0)");
        assertThat(temp.resolve("zone")).doesNotExist();
    }

    @Test
    void badValuesAreUsageErrorsNamingTheOption() {
        assertThat(run(small("--indicators", "-3")).err()).contains("--indicators must be at least 1");
        assertThat(run(small("--quarters", "0")).err()).contains("--quarters must be at least 1");
        assertThat(run(small("--restatement-rate", "2")).err()).contains("--restatement-rate must be between 0 and 1");
        assertThat(run(small("--not-available-rate", "-0.5")).err()).contains("--not-available-rate must be between 0 and 1");
        assertThat(run(small("--threads", "0")).err()).contains("--threads must be at least 1");
        assertThat(run(small("--authorities", "many")).err()).contains("--authorities").contains("many");
    }

    @Test
    void unreadableFirstQuarterIsAUsageErrorNamingTheOption() {
        Run run = run(small("--first-quarter", "2008/10 Q1"));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--first-quarter").contains("2008/10 Q1");
    }

    @Test
    void outIsRequired() {
        Run run = run("--authorities", "3");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--out");
    }

    @Test
    void outThatIsAFileIsAUsageError() throws Exception {
        Path file = Files.writeString(temp.resolve("a-file"), "x");

        Run run = run("--quarters", "1", "--authorities", "1", "--indicators", "1", "--out", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--out").contains("is a file");
    }

    @Test
    void helpListsTheOptions() {
        Run run = run("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("generate", "--authorities", "--districts", "--indicators", "--quarters", "--first-quarter",
                "--seed", "--out", "--only-missing");
    }
}
