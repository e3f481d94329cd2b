package io.trajectory.etl.commitments;

import io.trajectory.warehouse.period.FiscalQuarter;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads {@code commitments.csv}, the plain-CSV alternative to the report text, with columns
 * {@code ref, priority, achieve, responsible_officer, status, comment}.
 *
 * <p>Headers match case-insensitively and in any order; {@code ref}, {@code achieve} and
 * {@code status} are required, the others optional, unknown columns ignored. A record whose
 * field count differs from the header's (the usual sign of an unquoted comma or line break) is
 * a problem, as is a status that cannot be understood. Rows are joined exactly as report rows are
 * ({@link CommitmentAssembler}): a blank {@code ref} continues the REF above. Lines are counted
 * in the file, so a quoted field spanning lines moves the next record's line on accordingly.
 */
public final class CommitmentsCsvReader {

    static final List<String> REQUIRED = List.of("ref", "achieve", "status");
    static final List<String> OPTIONAL = List.of("priority", "responsible_officer", "comment");

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(true)
            .setIgnoreSurroundingSpaces(true)
            .get();

    private CommitmentsCsvReader() {
    }

    /**
     * Reads one file.
     *
     * @param sourceFile    the file's name as it should appear in rows, problems and errors
     * @param csv           the CSV text (a leading byte-order mark is ignored); closed by the caller
     * @param reportQuarter the quarter of the return, which "at Q1" in status cells is read against
     * @throws CommitmentsFileException naming the file when it cannot be read, has no header, lacks a
     *                                  required column or names a column twice
     */
    public static CommitmentsParse read(String sourceFile, Reader csv, FiscalQuarter reportQuarter) {
        Objects.requireNonNull(sourceFile, "sourceFile");
        Objects.requireNonNull(csv, "csv");
        Objects.requireNonNull(reportQuarter, "reportQuarter");
        String text = readAll(sourceFile, csv);
        List<CSVRecord> records = records(sourceFile, text);
        if (records.isEmpty()) {
            throw new CommitmentsFileException(sourceFile, "is empty; expected a header row with " + String.join(", ", REQUIRED));
        }
        LineIndex lines = new LineIndex(text);
        CSVRecord headerRecord = records.get(0);
        Map<String, Integer> columns = columns(sourceFile, headerRecord, lines);
        List<String> names = headerRecord.toList();

        CommitmentAssembler out = new CommitmentAssembler(sourceFile, reportQuarter);
        for (int r = 1; r < records.size(); r++) {
            CSVRecord record = records.get(r);
            int start = (int) record.getCharacterPosition();
            int end = r + 1 < records.size() ? (int) records.get(r + 1).getCharacterPosition() : text.length();
            int line = lines.lineOf(start);
            String raw = text.substring(start, end).replaceAll("[\\r\\n]+$", "");
            int filled = lastFilledIndex(record) + 1;
            if (record.size() < names.size() || filled > names.size()) {
                out.reject(line, null, "record has " + Math.max(record.size(), filled) + " fields but the header has "
                        + names.size() + " (an unquoted comma or line break?)", raw);
                continue;
            }
            out.row(new CommitmentCells(line, raw, field(record, columns, "ref"), field(record, columns, "priority"),
                    field(record, columns, "achieve"), field(record, columns, "responsible_officer"),
                    field(record, columns, "status"), field(record, columns, "comment"),
                    names.get(columns.get("status")).strip()));
        }
        return out.finish();
    }

    private static String readAll(String sourceFile, Reader csv) {
        StringBuilder sb = new StringBuilder();
        char[] buffer = new char[8192];
        try {
            for (int n = csv.read(buffer); n >= 0; n = csv.read(buffer)) {
                sb.append(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new CommitmentsFileException(sourceFile, "cannot be read: " + e.getMessage(), e);
        }
        if (sb.length() > 0 && sb.charAt(0) == '\uFEFF') {
            sb.deleteCharAt(0);
        }
        return sb.toString();
    }

    private static List<CSVRecord> records(String sourceFile, String text) {
        try (CSVParser parser = FORMAT.parse(new StringReader(text))) {
            return parser.getRecords();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new CommitmentsFileException(sourceFile, "is not valid CSV: " + e.getMessage(), e);
        }
    }

    /** Header name (lower case) to field index; throws naming the file for a missing or repeated column. */
    private static Map<String, Integer> columns(String sourceFile, CSVRecord header, LineIndex lines) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip().toLowerCase(Locale.ROOT);
            if (name.isEmpty() || !(REQUIRED.contains(name) || OPTIONAL.contains(name))) {
                continue;
            }
            if (columns.putIfAbsent(name, i) != null) {
                throw new CommitmentsFileException(sourceFile, "column '" + name + "' appears twice in the header on line "
                        + lines.lineOf((int) header.getCharacterPosition()));
            }
        }
        List<String> missing = REQUIRED.stream().filter(c -> !columns.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new CommitmentsFileException(sourceFile, "missing required column" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing) + "; the header has " + header.toList()
                    + " and needs " + String.join(", ", REQUIRED) + " (optional: " + String.join(", ", OPTIONAL) + ")");
        }
        return columns;
    }

    private static String field(CSVRecord record, Map<String, Integer> columns, String name) {
        Integer index = columns.get(name);
        return index == null ? null : record.get(index);
    }

    private static int lastFilledIndex(CSVRecord record) {
        for (int i = record.size() - 1; i >= 0; i--) {
            if (!record.get(i).isBlank()) {
                return i;
            }
        }
        return -1;
    }

    /** Maps a character offset in the text to its 1-based line number. */
    private static final class LineIndex {
        private final int[] lineStarts;

        LineIndex(String text) {
            List<Integer> starts = new ArrayList<>();
            starts.add(0);
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                    starts.add(i + 1);
                }
            }
            lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
        }

        int lineOf(int offset) {
            int i = Arrays.binarySearch(lineStarts, offset);
            return i >= 0 ? i + 1 : -i - 1;
        }
    }
}
