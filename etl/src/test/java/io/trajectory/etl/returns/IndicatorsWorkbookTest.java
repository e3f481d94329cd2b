package io.trajectory.etl.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trajectory.etl.job.TestLoads;
import io.trajectory.etl.landing.LandingZoneException;
import io.trajectory.etl.read.SheetRecords;
import io.trajectory.etl.validate.ReturnRowParser;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A return kept in Excel: title rows, merged cells, numbers typed as text, formulas and extra
 * columns. The published figures must be those of the same return as CSV.
 */
class IndicatorsWorkbookTest {

    @TempDir
    Path dir;

    private static final String CSV = """
            indicator_ref,period,area,actual,rag,trend,data_status,comment,reported_by
            T 1.1,2007/08 Q1,,1120,GREEN,IMPROVING,,"Ahead, thanks to outreach",A Carter
            T 1.2,Q1 2007/08,,49,AMBER,NO_CHANGE,,,B Singh
            T 1.2,2007/08 Q1,North,20,,,,,B Singh
            T 1.2,2007/08 Q1,South,29,,,,,B Singh
            T 1.3,2007-08-Q1,,95.5,GREEN,,,,A Carter
            T 1.4,2007/08 Q1,,,,,NOT_AVAILABLE,Survey not run,B Singh
            """;

    /** The same return as an Excel user keeps it. */
    private static byte[] workbook(String sheetName, List<Object[]> extraRows) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.createSheet("Notes").createRow(0).createCell(0).setCellValue("Figures are on the next sheet.");
            XSSFSheet sheet = wb.createSheet(sheetName);
            if (!sheetName.equalsIgnoreCase("indicators")) {
                wb.setSheetOrder(sheetName, 0);
            }
            sheet.createRow(0).createCell(0).setCellValue("Brackenshire partnership: indicator return 2007/08 Q1");
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 9));
            // row 2 left blank
            Row header = sheet.createRow(2);
            String[] names = {"Indicator Ref", "Period", "Area", "Actual", "RAG", "Trend", "Data Status", "Comment",
                    "Reported By", "Checked?"};
            for (int i = 0; i < names.length; i++) {
                header.createCell(i).setCellValue(names[i]);
            }
            CellStyle percent = wb.createCellStyle();
            percent.setDataFormat(wb.createDataFormat().getFormat("0.0%"));
            List<Object[]> rows = new ArrayList<>(List.of(
                    new Object[] {"T 1.1", "2007/08 Q1", "", "1 120", "GREEN", "IMPROVING", "", "Ahead, thanks to outreach", "A Carter", "yes"},
                    new Object[] {"T 1.2", "Q1 2007/08", "", "=40+9", "AMBER", "NO_CHANGE", "", "", "B Singh", "yes"},
                    new Object[] {"T 1.2", "2007/08 Q1", "North", 20.0, "", "", "", "", "B Singh"},
                    new Object[] {"T 1.2", "2007/08 Q1", "South", "=D5-20", "", "", "", "", "B Singh"},
                    new Object[] {"T 1.3", "2007-08-Q1", "", 0.955, "GREEN", "", "", "", "A Carter"},
                    new Object[] {"T 1.4", "2007/08 Q1", "", "", "", "", "NOT_AVAILABLE", "Survey not run", "B Singh"}));
            rows.addAll(extraRows);
            int r = 3;
            for (Object[] values : rows) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < values.length; c++) {
                    Object v = values[c];
                    if (v instanceof Double d) {
                        Cell cell = row.createCell(c);
                        cell.setCellValue(d);
                        if (d < 1) {
                            cell.setCellStyle(percent);
                        }
                    } else if (v instanceof String s && s.startsWith("=")) {
                        row.createCell(c).setCellFormula(s.substring(1));
                    } else if (v instanceof String s && !s.isEmpty()) {
                        row.createCell(c).setCellValue(s);
                    }
                }
            }
            sheet.createRow(r + 2); // formatted but empty rows below the table
            // Excel stores each formula's last value; the reader uses that, never re-calculates.
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            wb.write(out);
            return out.toByteArray();
        }
    }

    private static SheetRecords.Table read(byte[] xlsx) {
        List<String> known = new ArrayList<>(ReturnRowParser.REQUIRED);
        known.addAll(ReturnRowParser.OPTIONAL);
        return SheetRecords.read("returns/2007-08-Q1/indicators.xlsx", new ByteArrayInputStream(xlsx), ReturnRowParser.REQUIRED, known);
    }

    @Test
    void headerIsFoundBelowTheTitleAndFormulasGiveTheirCachedValues() throws IOException {
        SheetRecords.Table t = read(workbook("Return Q1", List.of()));
        assertThat(t.sheet()).isEqualTo("Return Q1");
        assertThat(t.headerRow()).isEqualTo(3);
        assertThat(t.lines()).extracting(l -> l.number()).containsExactly(4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(t.lines().get(1).cells().get(3)).isEqualTo("49");
        assertThat(t.lines().get(3).cells().get(3)).isEqualTo("29");
        assertThat(t.lines().get(0).cells().get(3)).as("typed as text, kept as typed").isEqualTo("1 120");
        assertThat(t.lines().get(4).cells().get(3)).as("0.955 shown as 95.5%").isEqualTo("95.5");
    }

    @Test
    void sheetNamedIndicatorsIsReadEvenWhenItIsNotFirst() throws IOException {
        assertThat(read(workbook("Indicators", List.of())).sheet()).isEqualTo("Indicators");
    }

    @Test
    void publishedFiguresAreTheSameAsFromTheCsvReturn() throws Exception {
        Path csvLanding = landing("csv");
        Files.writeString(csvLanding.resolve("returns/2007-08-Q1/indicators.csv"), CSV);
        Path xlsxLanding = landing("xlsx");
        Files.delete(xlsxLanding.resolve("returns/2007-08-Q1/indicators.csv"));
        Files.write(xlsxLanding.resolve("returns/2007-08-Q1/indicators.xlsx"), workbook("Return Q1", List.of()));

        TestLoads.run(TestLoads.options(csvLanding, dir.resolve("csv-data")));
        TestLoads.Result xlsx = TestLoads.run(TestLoads.options(xlsxLanding, dir.resolve("xlsx-data")));

        String facts = "select indicator_ref, period_key, area_key, return_period_key, revision, is_latest, actual, "
                + "reported_rating, officer_trend, data_status, is_provisional, comment, reported_by "
                + "from fact_indicator_return order by all";
        List<List<String>> fromCsv = TestLoads.rows(dir.resolve("csv-data"), facts);
        assertThat(fromCsv).hasSizeGreaterThan(6);
        assertThat(TestLoads.rows(dir.resolve("xlsx-data"), facts)).isEqualTo(fromCsv);
        assertThat(TestLoads.rows(dir.resolve("xlsx-data"),
                "select count(*) from meta_quarantine where source_file like '%xlsx'")).containsExactly(List.of("0"));
        assertThat(xlsx.output()).containsOnlyOnce("returns/2007-08-Q1/indicators.xlsx: ignored column(s) not in the contract: Checked?");
    }

    @Test
    void badRowsAreQuarantinedNamingSheetAndRow() throws Exception {
        Path landing = landing("bad");
        Files.delete(landing.resolve("returns/2007-08-Q1/indicators.csv"));
        Files.write(landing.resolve("returns/2007-08-Q1/indicators.xlsx"), workbook("Return Q1", List.of(
                new Object[] {"T 1.1", "2007/08 Q1", "North", "=1/0", "", "", "", "", "A Carter"},
                new Object[] {"T 9.9", "2007/08 Q1", "", 5.0, "", "", "", "", "A Carter"})));
        TestLoads.run(TestLoads.options(landing, dir.resolve("bad-data")));
        List<List<String>> q = TestLoads.rows(dir.resolve("bad-data"),
                "select source_file, line, column_name, reason, raw_line from meta_quarantine where source_file like '%.xlsx' order by line");
        assertThat(q).extracting(r -> r.subList(0, 4)).containsExactly(
                List.of("returns/2007-08-Q1/indicators.xlsx", "10", "actual",
                        "sheet Return Q1 row 10: actual '#DIV/0!' is not a number (leave it blank when there is no figure)"),
                List.of("returns/2007-08-Q1/indicators.xlsx", "11", "indicator_ref",
                        "sheet Return Q1 row 11: unknown indicator 'T 9.9': not in definitions/indicators.csv"));
        assertThat(q.get(0).get(4)).isEqualTo("T 1.1,2007/08 Q1,North,\"#DIV/0!\",,,,,A Carter");
        assertThat(TestLoads.rows(dir.resolve("bad-data"), "select count(*) from fact_indicator_return where return_period_key = 20071"))
                .containsExactly(List.of("6"));
    }

    @Test
    void corruptWorkbookStopsTheLoadNamingTheFile() throws Exception {
        Path landing = landing("corrupt");
        Files.delete(landing.resolve("returns/2007-08-Q1/indicators.csv"));
        byte[] good = workbook("Return Q1", List.of());
        Files.write(landing.resolve("returns/2007-08-Q1/indicators.xlsx"), java.util.Arrays.copyOf(good, good.length / 2));
        assertThatThrownBy(() -> TestLoads.run(TestLoads.options(landing, dir.resolve("corrupt-data"))))
                .isInstanceOf(LandingZoneException.class)
                .hasMessageStartingWith("returns/2007-08-Q1/indicators.xlsx cannot be read as an Excel workbook (.xlsx)");
        assertThat(Files.exists(dir.resolve("corrupt-data/current"))).isFalse();
    }

    @Test
    void sheetWithNoHeaderRowSaysWhatItLookedFor() throws IOException {
        byte[] noHeader;
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet s = wb.createSheet("Sheet1");
            s.createRow(0).createCell(0).setCellValue("Quarter 1 figures");
            Row r = s.createRow(1);
            r.createCell(0).setCellValue("T 1.1");
            r.createCell(1).setCellValue(112);
            wb.write(out);
            noHeader = out.toByteArray();
        }
        assertThatThrownBy(() -> read(noHeader))
                .isInstanceOf(LandingZoneException.class)
                .hasMessage("returns/2007-08-Q1/indicators.xlsx sheet 'Sheet1' has no header row: expected a row naming "
                        + "indicator_ref, period (blank and title rows above it are fine)");
    }

    @Test
    void headerMissingARequiredColumnNamesSheetRowAndColumn() throws IOException {
        byte[] xlsx;
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Row r = wb.createSheet("indicators").createRow(1);
            r.createCell(0).setCellValue("indicator_ref");
            r.createCell(1).setCellValue("actual");
            r.createCell(2).setCellValue("rag");
            wb.write(out);
            xlsx = out.toByteArray();
        }
        Path f = dir.resolve("indicators.xlsx");
        Files.write(f, xlsx);
        ReturnFile file = new ReturnFile(f.toUri().toString(), "returns/2007-08-Q1/indicators.xlsx", "sha", 20071, null);
        assertThatThrownBy(() -> ReturnsReader.checkHeaders(List.of(file)))
                .isInstanceOf(LandingZoneException.class)
                .hasMessageContaining("returns/2007-08-Q1/indicators.xlsx sheet indicators row 2: missing required column period");
    }

    @Test
    void folderWithBothCsvAndXlsxIsRefused() throws Exception {
        Path landing = landing("both");
        Files.write(landing.resolve("returns/2007-08-Q1/indicators.xlsx"), workbook("indicators", List.of()));
        assertThatThrownBy(() -> TestLoads.run(TestLoads.options(landing, dir.resolve("both-data"))))
                .isInstanceOf(LandingZoneException.class)
                .hasMessageContaining("has both indicators.csv and indicators.xlsx");
    }

    private Path landing(String name) {
        return TestLoads.copy(TestLoads.resource("landing-small"), dir.resolve(name));
    }
}
