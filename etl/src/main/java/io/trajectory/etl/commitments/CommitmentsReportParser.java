package io.trajectory.etl.commitments;

import io.trajectory.warehouse.period.FiscalQuarter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Reads {@code commitments.txt}: the tab-separated text of a quarter's commitments progress
 * report as exported from the word-processed original.
 *
 * <p>The export carries the page furniture of the report, so the parser:
 * <ul>
 *   <li>skips blank lines and legend lines ({@code Green – On Trajectory}, {@code Red- Off ...}),
 *       which the report repeats at page breaks and which therefore say nothing about the rows
 *       that follow;</li>
 *   <li>takes section headings ({@code #### **Red Commitments**}, any line mentioning
 *       "Commitments", a bare rating word) as the section of the rows below;</li>
 *   <li>finds the header row each time it is repeated and maps columns by its positions, so a
 *       page whose header has an extra empty column ({@code REF<TAB><TAB>High Priorities...})
 *       reads its equally shifted rows correctly; text in an empty-headed column belongs to the
 *       next named column to its right;</li>
 *   <li>joins continuation rows (see {@link CommitmentAssembler}) and reads each status cell
 *       with {@link io.trajectory.warehouse.rating.CommitmentStatus}.</li>
 * </ul>
 * Anything it cannot place becomes a {@link ParseProblem} with the raw line; it throws only
 * when the text cannot be read at all.
 */
public final class CommitmentsReportParser {

    private static final Pattern LEGEND = Pattern.compile(
            "^(?:green|amber|red|achieved)\\s*[-\u2013\u2014:]\\s*\\S.*", Pattern.CASE_INSENSITIVE);
    private static final Pattern BARE_RATING = Pattern.compile(
            "^(?:green|amber|red|achieved|ended)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern MENTIONS_COMMITMENTS = Pattern.compile("\\bcommitments?\\b", Pattern.CASE_INSENSITIVE);

    private CommitmentsReportParser() {
    }

    /** The role a header cell gives its column. */
    private enum Column {
        REF("REF"), PRIORITY("High Priorities"), ACHIEVE("We Will Achieve"), OFFICER("Responsible Officer"),
        STATUS("Red/ Amber Green/Achieved"), COMMENT("Comments On Progress"), UNNAMED(""), UNKNOWN("");

        private final String usualName;

        Column(String usualName) {
            this.usualName = usualName;
        }

        static Column named(String headerCell) {
            String s = headerCell.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
            if (s.isEmpty()) {
                return UNNAMED;
            }
            if (s.equals("ref") || s.equals("reference")) {
                return REF;
            }
            if (s.contains("red") && (s.contains("amber") || s.contains("green")) || s.equals("status") || s.equals("rag")) {
                return STATUS;
            }
            if (s.contains("achieve")) {
                return ACHIEVE;
            }
            if (s.contains("priorit")) {
                return PRIORITY;
            }
            if (s.contains("officer") || s.equals("lead")) {
                return OFFICER;
            }
            if (s.contains("comment") || s.contains("progress")) {
                return COMMENT;
            }
            return UNKNOWN;
        }
    }

    /** A header row: which column each cell position feeds, and the names as written. */
    private record Header(int line, Column[] target, Map<Column, String> names) {

        /** The header in these cells, or null when they are not a header row. */
        static Header of(int line, List<String> cells) {
            Column[] roles = cells.stream().map(Column::named).toArray(Column[]::new);
            long known = Arrays.stream(roles).filter(c -> c != Column.UNNAMED && c != Column.UNKNOWN).distinct().count();
            if (!Arrays.asList(roles).contains(Column.REF) || known < 3) {
                return null;
            }
            Map<Column, String> names = new EnumMap<>(Column.class);
            Column[] target = new Column[roles.length];
            for (int i = 0; i < roles.length; i++) {
                if (roles[i] != Column.UNNAMED && roles[i] != Column.UNKNOWN) {
                    names.putIfAbsent(roles[i], cells.get(i).strip().replaceAll("\\s+", " "));
                }
                target[i] = roles[i] == Column.UNNAMED ? nearestNamed(roles, i) : roles[i];
            }
            return new Header(line, target, names);
        }

        private static Column nearestNamed(Column[] roles, int i) {
            for (int j = i + 1; j < roles.length; j++) {
                if (roles[j] != Column.UNNAMED && roles[j] != Column.UNKNOWN) {
                    return roles[j];
                }
            }
            for (int j = i - 1; j >= 0; j--) {
                if (roles[j] != Column.UNNAMED && roles[j] != Column.UNKNOWN) {
                    return roles[j];
                }
            }
            return Column.UNKNOWN;
        }

        List<String> missing() {
            List<String> missing = new ArrayList<>();
            for (Column required : List.of(Column.REF, Column.ACHIEVE, Column.STATUS)) {
                if (!names.containsKey(required)) {
                    missing.add("'" + required.usualName + "'");
                }
            }
            return missing;
        }

        int width() {
            return target.length;
        }
    }

    /**
     * Parses one report.
     *
     * @param sourceFile    the file's name as it should appear in rows and problems
     * @param text          the report text; closed by the caller
     * @param reportQuarter the quarter the report is for, which "at Q1" in status cells is read against
     * @throws CommitmentsFileException naming the file when the text cannot be read
     */
    public static CommitmentsParse parse(String sourceFile, Reader text, FiscalQuarter reportQuarter) {
        Objects.requireNonNull(sourceFile, "sourceFile");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(reportQuarter, "reportQuarter");
        CommitmentAssembler out = new CommitmentAssembler(sourceFile, reportQuarter);
        BufferedReader lines = text instanceof BufferedReader b ? b : new BufferedReader(text);
        Header header = null;
        int unusableHeaderLine = 0;
        int lineNumber = 0;
        try {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                lineNumber++;
                if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                List<String> cells = cells(line);
                List<String> filled = cells.stream().filter(c -> !c.isEmpty()).toList();
                if (filled.isEmpty()) {
                    continue;
                }
                if (filled.size() == 1 && cells.get(0).equals(filled.get(0)) && isFurniture(filled.get(0))) {
                    String heading = heading(filled.get(0));
                    if (heading != null) {
                        out.section(heading);
                    }
                    continue;
                }
                if (line.indexOf('\t') < 0) {
                    out.problem(lineNumber, null, "line is not a table row, header, section heading or legend", line);
                    continue;
                }
                Header h = Header.of(lineNumber, cells);
                if (h != null) {
                    if (h.missing().isEmpty()) {
                        header = h;
                    } else {
                        header = null;
                        unusableHeaderLine = lineNumber;
                        out.reject(lineNumber, null, "header row has no " + String.join(", ", h.missing())
                                + " column; the rows under it cannot be read", line);
                    }
                    continue;
                }
                if (header == null) {
                    out.reject(lineNumber, null, unusableHeaderLine == 0
                            ? "table row before any header row"
                            : "table row under the unusable header row on line " + unusableHeaderLine, line);
                    continue;
                }
                int lastFilled = lastFilledIndex(cells);
                if (lastFilled >= header.width()) {
                    out.reject(lineNumber, null, "row has " + (lastFilled + 1) + " cells but the header row on line "
                            + header.line() + " has " + header.width(), line);
                    continue;
                }
                out.row(map(lineNumber, line, cells, header));
            }
        } catch (IOException e) {
            throw new CommitmentsFileException(sourceFile, "cannot read the report after line " + lineNumber + ": " + e.getMessage(), e);
        }
        return out.finish();
    }

    /** The tab-separated cells, each trimmed (a no-break space counts as space); trailing empty cells dropped. */
    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        for (String cell : line.split("\t", -1)) {
            cells.add(cell.replace('\u00A0', ' ').strip());
        }
        int end = cells.size();
        while (end > 1 && cells.get(end - 1).isEmpty()) {
            end--;
        }
        return new ArrayList<>(cells.subList(0, end));
    }

    private static int lastFilledIndex(List<String> cells) {
        for (int i = cells.size() - 1; i >= 0; i--) {
            if (!cells.get(i).isEmpty()) {
                return i;
            }
        }
        return -1;
    }

    private static CommitmentCells map(int lineNumber, String rawLine, List<String> cells, Header header) {
        Map<Column, String> values = new EnumMap<>(Column.class);
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            Column target = header.target()[i];
            if (!cell.isEmpty() && target != Column.UNKNOWN) {
                values.merge(target, cell, (a, b) -> a + " " + b);
            }
        }
        return new CommitmentCells(lineNumber, rawLine, values.get(Column.REF), values.get(Column.PRIORITY),
                values.get(Column.ACHIEVE), values.get(Column.OFFICER), values.get(Column.STATUS),
                values.get(Column.COMMENT), header.names().get(Column.STATUS));
    }

    /** A line of page furniture: a heading or a legend line. */
    private static boolean isFurniture(String line) {
        String s = unmarked(line);
        return line.startsWith("#") || isBold(line) || LEGEND.matcher(s).matches()
                || BARE_RATING.matcher(s).matches() || MENTIONS_COMMITMENTS.matcher(s).find();
    }

    /** The section name of a heading line, or null for a legend line. */
    private static String heading(String line) {
        String s = unmarked(line);
        if (line.startsWith("#") || isBold(line)) {
            return s.isEmpty() ? null : s;
        }
        return LEGEND.matcher(s).matches() ? null : s;
    }

    private static boolean isBold(String line) {
        return line.length() > 4 && (line.startsWith("**") && line.endsWith("**") || line.startsWith("__") && line.endsWith("__"));
    }

    /** Markdown heading marks and emphasis removed, spaces collapsed. */
    private static String unmarked(String line) {
        return line.replaceFirst("^#+\\s*", "").replaceAll("\\*\\*|__", "").replaceAll("\\s+", " ").strip();
    }
}
