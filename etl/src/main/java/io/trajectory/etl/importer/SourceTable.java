package io.trajectory.etl.importer;

import io.trajectory.etl.landing.LandingZoneException;
import io.trajectory.etl.read.CsvRecords;
import io.trajectory.etl.read.SheetRecords;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A council's export read as a table: a CSV file, or an Excel workbook's sheet (the one named in
 * the mapping, else the first). Column names match exactly, else ignoring case and surrounding space.
 */
final class SourceTable {

    private final String name;
    private final String sheet;
    private final List<String> header;
    private final List<SourceRow> rows = new ArrayList<>();
    private final Map<String, Integer> index = new HashMap<>();

    private SourceTable(String name, String sheet, List<String> header) {
        this.name = name;
        this.sheet = sheet;
        this.header = List.copyOf(header);
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i).replace("\uFEFF", "");
            index.putIfAbsent(h, i);
        }
        for (int i = 0; i < header.size(); i++) {
            index.putIfAbsent(header.get(i).replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT), i);
        }
    }

    /**
     * @param sheet for a workbook, the sheet to read (null: the first); ignored for CSV
     * @throws LandingZoneException naming the file when it cannot be read
     */
    static SourceTable read(Path file, String sheet) {
        String name = file.getFileName().toString();
        if (name.toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
            try (InputStream in = Files.newInputStream(file)) {
                SheetRecords.Table t = SheetRecords.readSheet(name, in, sheet);
                SourceTable table = new SourceTable(name, t.sheet(), t.header());
                t.lines().forEach(l -> table.rows.add(new SourceRow(table, l.number(), l.cells())));
                return table;
            } catch (IOException e) {
                throw new LandingZoneException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<CsvRecords.Line> lines = new ArrayList<>();
            List<String> header = CsvRecords.read(name, in, lines::add);
            SourceTable table = new SourceTable(name, null, header);
            lines.forEach(l -> table.rows.add(new SourceRow(table, l.number(), l.cells())));
            return table;
        } catch (IOException e) {
            throw new LandingZoneException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    String name() {
        return name;
    }

    List<String> header() {
        return header;
    }

    List<SourceRow> rows() {
        return rows;
    }

    boolean has(String column) {
        return indexOf(column) >= 0;
    }

    int indexOf(String column) {
        Integer i = index.get(column);
        if (i == null) {
            i = index.get(column.strip().toLowerCase(Locale.ROOT));
        }
        return i == null ? -1 : i;
    }

    String where(long line) {
        return sheet == null ? name + " line " + line : name + " sheet " + sheet + " row " + line;
    }
}
