package io.trajectory.etl.commitments;

import io.trajectory.etl.commitments.ReportHeader.Column;
import io.trajectory.warehouse.period.FiscalQuarter;
import io.trajectory.warehouse.rating.CommitmentStatus;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the blocks of a commitments report ({@link ReportLine}s, from the text export or the Word
 * document) into commitment rows and problems. Not thread-safe: one instance per file.
 *
 * <ul>
 *   <li>Blank lines and legend lines ({@code Green – On Trajectory}, {@code Red- Off ...}) are page
 *       furniture the report repeats at page breaks, so they say nothing about the rows below.</li>
 *   <li>Section headings ({@code #### **Red Commitments**}, a Word heading or bold paragraph, any
 *       line mentioning "Commitments", a bare rating word) are the section of the rows below.</li>
 *   <li>Header rows are recognised and placed by {@link ReportHeader}; each later row is mapped by
 *       the positions of the most recent one.</li>
 *   <li>A row with one cell too many holding an empty cell (a stray empty column) is read without
 *       that cell when every way of dropping one empty cell gives the same, readable row.</li>
 *   <li>Rows are then joined by {@link CommitmentAssembler}.</li>
 * </ul>
 */
final class ReportLayout {

    private static final Pattern LEGEND = Pattern.compile(
            "^(?:green|amber|red|achieved)\\s*[-\u2013\u2014:]\\s*\\S.*", Pattern.CASE_INSENSITIVE);
    private static final Pattern BARE_RATING = Pattern.compile(
            "^(?:green|amber|red|achieved|ended)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern MENTIONS_COMMITMENTS = Pattern.compile("\\bcommitments?\\b", Pattern.CASE_INSENSITIVE);

    private final FiscalQuarter reportQuarter;
    private final CommitmentAssembler out;
    private ReportHeader header;
    private ReportLine unusableHeader;

    ReportLayout(String sourceFile, FiscalQuarter reportQuarter) {
        this.reportQuarter = reportQuarter;
        this.out = new CommitmentAssembler(sourceFile, reportQuarter);
    }

    void accept(ReportLine line) {
        out.place(line.number(), line.place());
        if (!line.isRow()) {
            paragraph(line);
            return;
        }
        List<String> cells = trimmed(line.cells());
        List<String> filled = cells.stream().filter(c -> !c.isEmpty()).toList();
        if (filled.isEmpty()) {
            return;
        }
        if (filled.size() == 1 && cells.get(0).equals(filled.get(0)) && isFurniture(filled.get(0), false)) {
            section(filled.get(0));
            return;
        }
        ReportHeader h = ReportHeader.of(line.number(), line.where(), cells);
        if (h != null) {
            if (h.missing().isEmpty()) {
                header = h;
                unusableHeader = null;
            } else {
                header = null;
                unusableHeader = line;
                out.reject(line.number(), null, "header row has no " + String.join(", ", h.missing())
                        + " column; the rows under it cannot be read", line.raw());
            }
            return;
        }
        if (header == null) {
            out.reject(line.number(), null, unusableHeader == null
                    ? "table row before any header row"
                    : "table row under the unusable header row on " + unusableHeader.where(), line.raw());
            return;
        }
        List<String> marked = trimmed(line.marked());
        int lastFilled = lastFilledIndex(cells);
        if (lastFilled >= header.width()) {
            CommitmentCells realigned = withoutStrayEmptyCell(line, cells, marked);
            if (realigned == null) {
                out.reject(line.number(), null, "row has " + (lastFilled + 1) + " cells but the header row on "
                        + header.where() + " has " + header.width(), line.raw());
            } else {
                out.row(realigned);
            }
            return;
        }
        out.row(map(line, cells, marked));
    }

    CommitmentsParse finish() {
        return out.finish();
    }

    private void paragraph(ReportLine line) {
        String text = line.raw().replace('\u00A0', ' ').strip();
        if (text.isEmpty()) {
            return;
        }
        if (isFurniture(text, line.heading())) {
            section(text);
            return;
        }
        out.problem(line.number(), null, "line is not a table row, header, section heading or legend", line.raw());
    }

    private void section(String text) {
        String heading = heading(text);
        if (heading != null) {
            out.section(heading);
        }
    }

    /**
     * A row one cell wider than its header with an empty cell somewhere: drop each empty cell in
     * turn; when every way that maps a readable status gives the same row, that is the row.
     */
    private CommitmentCells withoutStrayEmptyCell(ReportLine line, List<String> cells, List<String> marked) {
        if (lastFilledIndex(cells) != header.width()) {
            return null;
        }
        CommitmentCells found = null;
        for (int i = 0; i < cells.size(); i++) {
            if (!cells.get(i).isEmpty()) {
                continue;
            }
            List<String> fewer = new ArrayList<>(cells);
            List<String> fewerMarked = new ArrayList<>(marked);
            fewer.remove(i);
            fewerMarked.remove(i);
            CommitmentCells candidate = map(line, fewer, fewerMarked);
            if (candidate.status() == null || !CommitmentStatus.parse(candidate.status(), reportQuarter).understood()) {
                continue;
            }
            if (found != null && !found.equals(candidate)) {
                return null;
            }
            found = candidate;
        }
        return found;
    }

    private CommitmentCells map(ReportLine line, List<String> cells, List<String> marked) {
        Map<Column, String> values = new EnumMap<>(Column.class);
        for (int i = 0; i < cells.size() && i < header.width(); i++) {
            Column target = header.target()[i];
            String cell = target == Column.STATUS ? marked.get(i) : cells.get(i);
            if (!cell.isEmpty() && target != Column.UNKNOWN) {
                values.merge(target, cell, (a, b) -> a + " " + b);
            }
        }
        return new CommitmentCells(line.number(), line.raw(), values.get(Column.REF), values.get(Column.PRIORITY),
                values.get(Column.ACHIEVE), values.get(Column.OFFICER), values.get(Column.STATUS),
                values.get(Column.COMMENT), header.names().get(Column.STATUS));
    }

    /** The cells, each trimmed (a no-break space counts as space); trailing empty cells dropped. */
    private static List<String> trimmed(List<String> raw) {
        List<String> cells = new ArrayList<>(raw.size());
        for (String cell : raw) {
            cells.add(cell == null ? "" : cell.replace('\u00A0', ' ').strip());
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

    /** A line of page furniture: a heading or a legend line. */
    private static boolean isFurniture(String line, boolean markedHeading) {
        String s = unmarked(line);
        return markedHeading || line.startsWith("#") || isBold(line) || LEGEND.matcher(s).matches()
                || BARE_RATING.matcher(s).matches() || MENTIONS_COMMITMENTS.matcher(s).find();
    }

    /** The section name of a heading line, or null for a legend line (never a section, even in bold). */
    private static String heading(String line) {
        String s = unmarked(line);
        if (s.isEmpty() || LEGEND.matcher(s).matches()) {
            return null;
        }
        return s;
    }

    private static boolean isBold(String line) {
        return line.length() > 4 && (line.startsWith("**") && line.endsWith("**") || line.startsWith("__") && line.endsWith("__"));
    }

    /** Markdown heading marks, emphasis and bold tags removed, spaces collapsed. */
    private static String unmarked(String line) {
        return line.replaceFirst("^#+\\s*", "").replaceAll("\\*\\*|__|</?b>", "").replaceAll("\\s+", " ").strip();
    }
}
