package io.trajectory.warehouse.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A table of text for a console or a Markdown file: columns padded to their widest cell, and
 * columns whose header starts with {@code >} right-aligned (the {@code >} is dropped). The one
 * table drawer of the project: {@code trajectory sql} prints {@link #plain}, the benchmarks
 * write {@link #markdown}. Not thread-safe.
 */
public final class TextTable {

    private final List<String> headers = new ArrayList<>();
    private final boolean[] right;
    private final List<List<String>> rows = new ArrayList<>();

    /** Headers; a header starting with {@code >} is a right-aligned column. */
    public TextTable(String... headers) {
        this(headers, true);
    }

    private TextTable(String[] headers, boolean marked) {
        this.right = new boolean[headers.length];
        for (int k = 0; k < headers.length; k++) {
            right[k] = marked && headers[k].startsWith(">");
            this.headers.add(right[k] ? headers[k].substring(1) : headers[k]);
        }
    }

    /** Left-aligned columns with these headers taken as they are (a query's column labels). */
    public static TextTable literal(String... headers) {
        return new TextTable(headers, false);
    }

    /** Adds a row, one cell per column; null is shown blank. */
    public TextTable row(Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("expected " + headers.size() + " cells, got " + cells.length);
        }
        List<String> row = new ArrayList<>(cells.length);
        for (Object c : cells) {
            row.add(c == null ? "" : c.toString());
        }
        rows.add(row);
        return this;
    }

    /**
     * A pipe table that is valid Markdown and reads well on a console:
     * <pre>
     * | measure   | seconds |
     * | --------- | ------: |
     * | full load |   12.34 |
     * </pre>
     */
    public String markdown() {
        int[] width = widths(3, Integer.MAX_VALUE);
        StringBuilder sb = new StringBuilder();
        markdownLine(sb, headers, width);
        sb.append('|');
        for (int k = 0; k < width.length; k++) {
            sb.append(' ').append(right[k] ? "-".repeat(width[k] - 1) + ":" : "-".repeat(width[k])).append(" |");
        }
        sb.append('\n');
        for (List<String> r : rows) {
            markdownLine(sb, r, width);
        }
        return sb.toString();
    }

    /**
     * The lines of a plain table, as database shells print one: no outer border, each row on one
     * line (line breaks in a cell become spaces), cells longer than {@code maxCell} cut with an
     * ellipsis, no trailing blanks:
     * <pre>
     * ref  | title
     * -----+-----------
     * NI-1 | Children…
     * </pre>
     */
    public List<String> plain(int maxCell) {
        int[] width = widths(0, maxCell);
        List<String> lines = new ArrayList<>(rows.size() + 2);
        lines.add(plainLine(headers, width));
        StringBuilder rule = new StringBuilder();
        for (int k = 0; k < width.length; k++) {
            rule.append(k == 0 ? "" : "-+-").append("-".repeat(width[k]));
        }
        lines.add(rule.toString());
        for (List<String> r : rows) {
            lines.add(plainLine(r, width));
        }
        return lines;
    }

    /** Each column's width: at least {@code min} and its header, at most {@code maxCell} for the cells. */
    private int[] widths(int min, int maxCell) {
        int[] width = new int[headers.size()];
        for (int k = 0; k < width.length; k++) {
            width[k] = Math.max(min, headers.get(k).length());
            for (List<String> r : rows) {
                width[k] = Math.max(width[k], Math.min(maxCell, r.get(k).length()));
            }
        }
        return width;
    }

    private void markdownLine(StringBuilder sb, List<String> cells, int[] width) {
        sb.append('|');
        for (int k = 0; k < width.length; k++) {
            sb.append(' ').append(pad(cells.get(k), width[k], right[k])).append(" |");
        }
        sb.append('\n');
    }

    private String plainLine(List<String> cells, int[] width) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < width.length; k++) {
            String v = cells.get(k).replace('\n', ' ');
            if (v.length() > width[k]) {
                v = v.substring(0, width[k] - 1) + "\u2026";
            }
            b.append(k == 0 ? "" : " | ").append(pad(v, width[k], right[k]));
        }
        return b.toString().stripTrailing();
    }

    private static String pad(String cell, int width, boolean right) {
        String pad = " ".repeat(Math.max(0, width - cell.length()));
        return right ? pad + cell : cell + pad;
    }
}
