package io.trajectory.etl.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The mapping language on small exports written here, through the real {@code import} command. */
class ImportMappingTest {

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private Run run(String mapping, String mappingName, Path... sources) throws IOException {
        Path m = Files.writeString(dir.resolve(mappingName), mapping);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] args = new String[4 + sources.length];
        args[0] = "--mapping";
        args[1] = m.toString();
        args[2] = "--out";
        args[3] = dir.resolve("landing").toString();
        for (int i = 0; i < sources.length; i++) {
            args[4 + i] = sources[i].toString();
        }
        int exit = new CommandLine(new ImportCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))).execute(args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path source(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private List<List<String>> landing(String file) throws IOException {
        try (var reader = Files.newBufferedReader(dir.resolve("landing").resolve(file))) {
            return CSVFormat.DEFAULT.parse(reader).getRecords().stream().map(CSVRecord::toList).toList();
        }
    }

    private static final String MONTHLY = """
            Ref,Month,Value,Status,Note
            C1,Apr 2014,10,lg,
            C1,May 2014,12,lg,
            C1,Jun 2014,11,la,Slower in June
            C1,Jul 2014,9,la,
            C1,Aug 2014,8,lr,
            L1,2014-04,50,lg,
            L1,2014-05,51,lg,
            L1,2014-06,52,lg,
            L1,2014-07,53,lg,
            L1,2014-08,55,lg,
            L1,Jly 2014,54,lg,
            """;

    private static final String MONTHLY_MAPPING = """
            name: Monthly service figures
            figures:
              indicator_ref: Ref
              period: {column: Month, format: month}
              actual: Value
              rag: {column: Status, values: {lg: GREEN, la: AMBER, lr: RED}}
              comment: Note
            register:
              title: {constant: A monthly figure}
              theme: {constant: Services}
              polarity: {constant: HIGHER_IS_BETTER}
              unit: {constant: count}
              accumulation: {constant: LEVEL}
            indicators:
              C1: {accumulation: CUMULATIVE_YTD}
            """;

    @Test
    void monthsBecomeQuartersLastMonthForALevelAndTheYearToDateSumForACount() throws IOException {
        Run r = run(MONTHLY_MAPPING, "monthly.yml", source("monthly.csv", MONTHLY));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(landing("returns/2014-15-Q1/indicators.csv")).extracting(row -> row.subList(0, 5)).containsExactly(
                List.of("indicator_ref", "period", "area", "actual", "rag"),
                List.of("C1", "2014/15 Q1", "", "33", "AMBER"),
                List.of("L1", "2014/15 Q1", "", "52", "GREEN"));
        assertThat(landing("returns/2014-15-Q1/indicators.csv").get(1).get(7)).isEqualTo("Slower in June");
        assertThat(Files.exists(dir.resolve("landing/returns/2014-15-Q2"))).as("Q2 has no September").isFalse();
        assertThat(landing("definitions/indicators.csv")).extracting(row -> row.get(0), row -> row.get(6))
                .contains(tuple("C1", "CUMULATIVE_YTD"), tuple("L1", "LEVEL"));
    }

    @Test
    void everyRowIsWrittenOrDroppedWithItsReason() throws IOException {
        Run r = run(MONTHLY_MAPPING, "monthly.yml", source("monthly.csv", MONTHLY));
        assertThat(r.out()).contains("Read 11 source row(s)")
                .contains("period: 'Jly 2014' is not a month (expected 2014-07, Jul 2014")
                .contains("monthly.csv line 12")
                .contains("a month is missing from the year to date (sum), so the quarter is left out")
                .contains("C1 2014/15 Q2 lacks 2014-09")
                .contains("the quarter's last month is missing (last)")
                .contains("L1 2014/15 Q2 lacks 2014-09")
                .contains("rag           <- Status (lg=GREEN, la=AMBER, lr=RED)");
    }

    @Test
    void unknownRatingCodeDropsTheRowNamingTheValueAndKey() throws IOException {
        Run r = run(MONTHLY_MAPPING, "monthly.yml", source("monthly.csv", "Ref,Month,Value,Status,Note\nC1,Jun 2014,4,lx,\n"));
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("figures.rag: 'lx' is not in its values (lg, la, lr)  (monthly.csv line 2)");
    }

    @Test
    void oneColumnPerQuarterIsUnpivotedAndAScaleFixAppliesToItsQuarterOnly() throws IOException {
        String csv = """
                Code,Area,Q1 2014/15,Q2 2014/15,Q3 2014/15,Remarks
                P1,North,0.5,0.52,54,third quarter typed as percentages
                P1,South,0.4,0.41,43,
                """;
        String mapping = """
                figures:
                  indicator_ref: Code
                  area: Area
                  wide: {period_headers: true}
                register:
                  title: {constant: Share on time}
                  theme: {constant: Corporate}
                  polarity: {constant: HIGHER_IS_BETTER}
                  unit: {constant: percent}
                  accumulation: {constant: LEVEL}
                indicators:
                  P1: {scale: 100, scale_periods: [2014/15 Q1, Q2 2014/15]}
                """;
        Run r = run(mapping, "wide.yml", source("wide.csv", csv));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(landing("returns/2014-15-Q1/indicators.csv")).extracting(row -> row.get(2) + "=" + row.get(3))
                .containsExactly("area=actual", "North=50", "South=40");
        assertThat(landing("returns/2014-15-Q3/indicators.csv")).extracting(row -> row.get(2) + "=" + row.get(3))
                .containsExactly("area=actual", "North=54", "South=43");
        assertThat(r.out()).contains("actual        <- Q1 2014/15, Q2 2014/15, Q3 2014/15: one column per period")
                .contains("not used: Remarks");
    }

    @Test
    void thisQuarterAndLastQuarterColumnsRestateOnlyWhenTheFigureChanged() throws IOException {
        String csv = """
                Ref,Quarter,Now,Before,RAG
                K1,2014/15 Q1,10,9,G
                K1,2014/15 Q2,12,10,A
                K2,2014/15 Q1,5,,R
                K2,2014/15 Q2,6,4,R
                """;
        String mapping = """
                figures:
                  indicator_ref: Ref
                  period: Quarter
                  wide: {columns: {Now: 0, Before: -1}}
                  rag: RAG
                register:
                  title: Ref
                  theme: {constant: T}
                  polarity: {constant: HIGHER_IS_BETTER}
                  unit: {constant: count}
                  accumulation: {constant: LEVEL}
                """;
        Run r = run(mapping, "now-before.yml", source("nb.csv", csv));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(landing("returns/2014-15-Q2/indicators.csv")).extracting(row -> String.join("|", row.subList(0, 5)))
                .containsExactly("indicator_ref|period|area|actual|rag", "K1|2014/15 Q2||12|AMBER",
                        "K2|2014/15 Q1||4|", "K2|2014/15 Q2||6|RED");
        assertThat(landing("returns/2014-15-Q1/indicators.csv")).extracting(row -> row.get(0) + " " + row.get(1))
                .containsExactly("indicator_ref period", "K1 2013/14 Q4", "K1 2014/15 Q1", "K2 2014/15 Q1");
        assertThat(landing("definitions/indicators.csv").get(1)).last().isEqualTo("2013/14 Q4");
        assertThat(r.out()).contains("1  the same figure as its own quarter's return gave (not a restatement)  (nb.csv line 3)");
    }

    @Test
    void workbookSourceIsReadFromItsNamedSheet() throws IOException {
        Path xlsx = dir.resolve("export.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); var out = Files.newOutputStream(xlsx)) {
            wb.createSheet("Cover").createRow(0).createCell(0).setCellValue("Quarterly export");
            XSSFSheet s = wb.createSheet("Data");
            s.createRow(0).createCell(0).setCellValue("Performance export, printed 3 July");
            Row h = s.createRow(2);
            h.createCell(0).setCellValue("Ref");
            h.createCell(1).setCellValue("Quarter");
            h.createCell(2).setCellValue("Value");
            Row d = s.createRow(3);
            d.createCell(0).setCellValue("W1");
            d.createCell(1).setCellValue("2014/15 Q1");
            d.createCell(2).setCellFormula("10*3");
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            wb.write(out);
        }
        String mapping = """
                source: {files: "*.xlsx", sheet: Data}
                figures: {indicator_ref: Ref, period: Quarter, actual: Value}
                register:
                  title: {constant: W}
                  theme: {constant: T}
                  polarity: {constant: LOWER_IS_BETTER}
                  unit: {constant: count}
                  accumulation: {constant: LEVEL}
                """;
        Run r = run(mapping, "xlsx.yml", xlsx);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(landing("returns/2014-15-Q1/indicators.csv").get(1).subList(0, 4)).containsExactly("W1", "2014/15 Q1", "", "30");
    }

    @Test
    void mappingInJsonWorksToo() throws IOException {
        String json = """
                {"figures": {"indicator_ref": "Ref", "period": "Quarter", "actual": "Value"},
                 "register": {"title": {"constant": "J"}, "theme": {"constant": "T"},
                              "polarity": {"constant": "HIGHER_IS_BETTER"}, "unit": {"constant": "count"},
                              "accumulation": {"constant": "LEVEL"}},
                 "sign_off": {"by": "Performance team", "at": {"constant": "2014-07-31"}}}
                """;
        Run r = run(json, "m.json", source("j.csv", "Ref,Quarter,Value\nJ1,Q1 2014/15,7\n"));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readString(dir.resolve("landing/returns/2014-15-Q1/signoff.json")))
                .isEqualTo("{\"period\": \"2014/15 Q1\", \"signed_off_by\": \"Performance team\", \"signed_off_at\": \"2014-07-31T00:00:00Z\"}\n");
    }

    @Test
    void unknownKeyIsAnErrorNamingItsPathAndTheKnownKeys() throws IOException {
        Run r = run(MONTHLY_MAPPING.replace("  comment: Note", "  commnet: Note"), "typo.yml", source("monthly.csv", MONTHLY));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: typo.yml: figures.commnet: is not a key the mapping knows under figures; "
                + "expected one of actual, area, comment,");
        assertThat(Files.exists(dir.resolve("landing"))).isFalse();
    }

    @Test
    void columnTheSourceLacksIsAnErrorNamingTheKeyTheColumnAndTheColumnsThereAre() throws IOException {
        Run r = run(MONTHLY_MAPPING.replace("actual: Value", "actual: Valu"), "col.yml", source("monthly.csv", MONTHLY));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: col.yml: figures.actual: column 'Valu' is not in monthly.csv "
                + "(its columns: Ref, Month, Value, Status, Note)\n");
    }

    @Test
    void badValuesInTheMappingAreErrorsNamingTheKey() throws IOException {
        Path csv = source("monthly.csv", MONTHLY);
        assertThat(run(MONTHLY_MAPPING.replace("C1: {accumulation: CUMULATIVE_YTD}", "C1: {accumulation: SOMETIMES}"),
                "a.yml", csv).err()).startsWith("error: a.yml: indicators.C1.accumulation: Unrecognised accumulation 'SOMETIMES'");
        assertThat(run(MONTHLY_MAPPING.replace("format: month", "format: fortnight"), "b.yml", csv).err())
                .isEqualTo("error: b.yml: figures.period.format: 'fortnight' is not a period format; use quarter, date or month\n");
        assertThat(run("figures: {indicator_ref: Ref, period: Month}\n", "c.yml", csv).err())
                .isEqualTo("error: c.yml: figures.actual: is required (or figures.wide for one column per quarter)\n");
        assertThat(run("figures: [Ref]\n", "d.yml", csv).err())
                .isEqualTo("error: d.yml: figures: must be a mapping of keys to values\n");
        assertThat(run("figures: {indicator_ref: Ref, period: Month, actual: {column: Value, pattern: \"(\"}}\n", "e.yml", csv).err())
                .startsWith("error: e.yml: figures.actual.pattern: is not a regular expression");
    }

    @Test
    void indicatorWithoutARequiredRegisterValueIsDroppedWithItsFigures() throws IOException {
        Run r = run(MONTHLY_MAPPING.replace("  theme: {constant: Services}\n", ""), "noTheme.yml", source("monthly.csv", MONTHLY));
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("C1: no theme (map register.theme or set it under indicators.C1)")
                .contains("Wrote 0 indicator(s)");
    }

    @Test
    void refusesToWriteIntoAFolderThatIsNotEmpty() throws IOException {
        Files.createDirectories(dir.resolve("landing"));
        Files.writeString(dir.resolve("landing/keep.txt"), "mine");
        Run r = run(MONTHLY_MAPPING, "monthly.yml", source("monthly.csv", MONTHLY));
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("is not empty").contains("--overwrite");
        assertThat(Files.readString(dir.resolve("landing/keep.txt"))).isEqualTo("mine");
    }
}
