package io.trajectory.etl.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * A pipe table that reads well both on a console and as Markdown: columns padded to their widest
 * cell, numbers (columns flagged right) right-aligned.
 */
final class TextTable {

    private final List<String> headers;
    private final boolean[] right;
    private final List<List<String>> rows = new ArrayList<>();

    /** Headers; a header starting with {@code >} is a right-aligned column (the {@code >} is dropped). */
    TextTable(String... headers) {
        this.headers = new ArrayList<>();
        this.right = new boolean[headers.length];
        for (int k = 0; k < headers.length; k++) {
            right[k] = headers[k].startsWith(">");
            this.headers.add(right[k] ? headers[k].substring(1) : headers[k]);
        }
    }

    TextTable row(Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("expected " + headers.size() + " cells, got " + cells.length);
        }
        List<String> row = new ArrayList<>();
        for (Object c : cells) {
            row.add(c == null ? "" : c.toString());
        }
        rows.add(row);
        return this;
    }

    String render() {
        int[] width = new int[headers.size()];
        for (int k = 0; k < width.length; k++) {
            width[k] = Math.max(3, headers.get(k).length());
            for (List<String> r : rows) {
                width[k] = Math.max(width[k], r.get(k).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        line(sb, headers, width);
        sb.append('|');
        for (int k = 0; k < width.length; k++) {
            sb.append(' ').append(right[k] ? "-".repeat(width[k] - 1) + ":" : "-".repeat(width[k])).append(" |");
        }
        sb.append('\n');
        for (List<String> r : rows) {
            line(sb, r, width);
        }
        return sb.toString();
    }

    private void line(StringBuilder sb, List<String> cells, int[] width) {
        sb.append('|');
        for (int k = 0; k < width.length; k++) {
            String c = cells.get(k);
            String pad = " ".repeat(width[k] - c.length());
            sb.append(' ').append(right[k] ? pad + c : c + pad).append(" |");
        }
        sb.append('\n');
    }
}
