package io.trajectory.etl.read;

import io.trajectory.etl.landing.LandingZoneException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.poi.openxml4j.exceptions.OLE2NotOfficeXmlFileException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads a return kept as an Excel workbook ({@code .xlsx}) into the records a CSV return gives,
 * so both go through the same checks. Apache POI reads the workbook inside the Spark task that
 * owns the file, as the CSV reader does.
 *
 * <ul>
 *   <li>The sheet is the one named {@code indicators} (any case), else the first.</li>
 *   <li>The header is the first row that names the required columns: title rows (merged or not)
 *       and blank rows above it are passed over.</li>
 *   <li>Cells are read as a CSV export of the sheet would hold them: text as typed (a number typed
 *       as text stays text, e.g. {@code 10 310}); numbers exactly, not as displayed, and a
 *       percentage-formatted number as its percentage ({@code 0.125} shown as {@code 12.5%} is
 *       {@code 12.5}); dates as displayed; formulas by their cached value (the value Excel last
 *       calculated, which is what a person saw); error values as their code ({@code #DIV/0!}).</li>
 *   <li>Blank rows are skipped; each record's number is its row number in the sheet.</li>
 * </ul>
 */
public final class SheetRecords {

    /** A sheet read: its name, header row number, header cells and data records. */
    public record Table(String sheet, int headerRow, List<String> header, List<CsvRecords.Line> lines) {

        /** How a person finds record {@code line} in the workbook. */
        public String place(long line) {
            return "sheet " + sheet + " row " + line;
        }
    }

    private SheetRecords() {
    }

    /**
     * @param file     the file's name for messages
     * @param in       the workbook; closed by the caller
     * @param required column names (lower case, {@code _} for spaces) the header row must name
     * @param known    every column name the contract knows, to tell a header row with a required
     *                 column missing from a title row
     * @throws LandingZoneException naming the file (and sheet) when it is not a readable workbook
     *                              or has no header row
     */
    public static Table read(String file, InputStream in, List<String> required, List<String> known) {
        try (Workbook workbook = new XSSFWorkbook(in)) {
            if (workbook.getNumberOfSheets() == 0) {
                throw new LandingZoneException(file + " has no sheets");
            }
            Sheet sheet = workbook.getSheet("indicators");
            for (int i = 0; sheet == null && i < workbook.getNumberOfSheets(); i++) {
                if (workbook.getSheetName(i).strip().equalsIgnoreCase("indicators")) {
                    sheet = workbook.getSheetAt(i);
                }
            }
            if (sheet == null) {
                sheet = workbook.getSheetAt(0);
            }
            DataFormatter displayed = new DataFormatter(Locale.UK); // not thread-safe: one per workbook
            displayed.setUseCachedValuesForFormulaCells(true);
            return table(file, sheet, required, known, displayed);
        } catch (OLE2NotOfficeXmlFileException e) {
            throw new LandingZoneException(file + " is an Excel 97-2003 workbook (.xls), not .xlsx: save it from Excel as "
                    + "an Excel Workbook (.xlsx) and load again", e);
        } catch (IOException | RuntimeException e) {
            if (e instanceof LandingZoneException l) {
                throw l;
            }
            throw new LandingZoneException(file + " cannot be read as an Excel workbook (.xlsx): " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("")), e);
        }
    }

    /**
     * Reads any table from a workbook (a council's own export, for the import): the sheet named
     * {@code sheetName} (the first when null), its header the first row with two or more cells.
     *
     * @throws LandingZoneException naming the file when it cannot be read, lacks the sheet or has no header
     */
    public static Table readSheet(String file, InputStream in, String sheetName) {
        try (Workbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = sheetName == null ? (workbook.getNumberOfSheets() == 0 ? null : workbook.getSheetAt(0))
                    : workbook.getSheet(sheetName);
            if (sheet == null) {
                List<String> names = new ArrayList<>();
                workbook.forEach(s -> names.add(s.getSheetName()));
                throw new LandingZoneException(file + " has no sheet " + (sheetName == null ? "" : "'" + sheetName + "' ")
                        + "(sheets: " + String.join(", ", names) + ")");
            }
            DataFormatter displayed = new DataFormatter(Locale.UK);
            displayed.setUseCachedValuesForFormulaCells(true);
            List<String> header = null;
            int headerRow = 0;
            List<CsvRecords.Line> lines = new ArrayList<>();
            for (Row row : sheet) {
                List<String> cells = cells(row, displayed);
                if (header == null) {
                    if (cells.stream().filter(c -> !c.isBlank()).count() >= 2) {
                        header = cells;
                        headerRow = row.getRowNum() + 1;
                    }
                } else if (!cells.isEmpty()) {
                    lines.add(new CsvRecords.Line(row.getRowNum() + 1, cells));
                }
            }
            if (header == null) {
                throw new LandingZoneException(file + " sheet '" + sheet.getSheetName() + "' has no header row");
            }
            return new Table(sheet.getSheetName(), headerRow, header, List.copyOf(lines));
        } catch (OLE2NotOfficeXmlFileException e) {
            throw new LandingZoneException(file + " is an Excel 97-2003 workbook (.xls), not .xlsx: save it as .xlsx", e);
        } catch (IOException | RuntimeException e) {
            if (e instanceof LandingZoneException l) {
                throw l;
            }
            throw new LandingZoneException(file + " cannot be read as an Excel workbook (.xlsx): " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("")), e);
        }
    }

    private static Table table(String file, Sheet sheet, List<String> required, List<String> known, DataFormatter displayed) {
        List<String> header = null;
        int headerRow = 0;
        int fallbackRow = 0;
        List<String> fallback = null;
        List<CsvRecords.Line> lines = new ArrayList<>();
        for (Row row : sheet) {
            List<String> cells = cells(row, displayed);
            if (cells.isEmpty()) {
                continue;
            }
            int number = row.getRowNum() + 1;
            if (header == null) {
                Set<String> names = new HashSet<>();
                cells.forEach(c -> names.add(normalise(c)));
                if (names.containsAll(required)) {
                    header = cells;
                    headerRow = number;
                } else if (fallback == null && names.stream().filter(known::contains).count() >= 2) {
                    fallback = cells;
                    fallbackRow = number;
                }
                continue;
            }
            lines.add(new CsvRecords.Line(number, cells));
        }
        if (header == null && fallback != null) {
            // A header missing a required column: CsvHeader names what is missing.
            return new Table(sheet.getSheetName(), fallbackRow, fallback, List.of());
        }
        if (header == null) {
            throw new LandingZoneException(file + " sheet '" + sheet.getSheetName() + "' has no header row: expected a row naming "
                    + String.join(", ", required) + " (blank and title rows above it are fine)");
        }
        return new Table(sheet.getSheetName(), headerRow, header, List.copyOf(lines));
    }

    /** The row's cells as text, trailing blank cells dropped; empty for a blank row. */
    private static List<String> cells(Row row, DataFormatter displayed) {
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < row.getLastCellNum(); c++) {
            Cell cell = row.getCell(c, Row.MissingCellPolicy.RETURN_BLANK_AS_NULL);
            cells.add(cell == null ? "" : text(cell, displayed));
        }
        int end = cells.size();
        while (end > 0 && cells.get(end - 1).isBlank()) {
            end--;
        }
        return new ArrayList<>(cells.subList(0, end));
    }

    static String text(Cell cell, DataFormatter displayed) {
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> cell.getRichStringCellValue().getString();
            case NUMERIC -> number(cell, displayed);
            case BOOLEAN -> cell.getBooleanCellValue() ? "TRUE" : "FALSE";
            case ERROR -> FormulaError.forInt(cell.getErrorCellValue()).getString();
            default -> "";
        };
    }

    private static String number(Cell cell, DataFormatter displayed) {
        if (DateUtil.isCellDateFormatted(cell)) {
            return displayed.formatCellValue(cell);
        }
        BigDecimal value = new BigDecimal(Double.toString(cell.getNumericCellValue()));
        String format = cell.getCellStyle() == null ? null : cell.getCellStyle().getDataFormatString();
        if (format != null && format.replaceAll("\"[^\"]*\"", "").contains("%")) {
            value = value.movePointRight(2);
        }
        return value.stripTrailingZeros().toPlainString();
    }

    private static String normalise(String cell) {
        return cell.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT).replace(' ', '_');
    }
}
