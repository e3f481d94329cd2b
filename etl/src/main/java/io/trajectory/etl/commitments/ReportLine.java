package io.trajectory.etl.commitments;

import java.util.List;
import java.util.Objects;

/**
 * One block of a commitments report in document order, whatever the report was saved as: a line
 * of the text export, or a paragraph or table row of the Word document. {@link ReportLayout}
 * reads these, so the text and the document follow the same rules.
 *
 * @param number  1-based position used as the row's line: the text line, or the block's position
 *                in the document
 * @param place   where a person finds the block ("table 2 row 3"), or null when {@code number} is
 *                a text line and says it already
 * @param raw     the block as written (a table row's cells joined by tabs), kept with any problem
 * @param cells   a table row's cells as plain text; null for a paragraph (a line with no tab)
 * @param marked  the same cells with bold runs marked {@code <b>..</b>}, for reading status cells
 * @param heading true when the source itself marks the paragraph as a heading (a Word heading
 *                style, or every run bold); the text export marks headings with {@code #} or {@code **}
 */
record ReportLine(int number, String place, String raw, List<String> cells, List<String> marked, boolean heading) {

    ReportLine {
        Objects.requireNonNull(raw, "raw");
        if (cells != null) {
            cells = List.copyOf(cells);
            marked = List.copyOf(marked == null ? cells : marked);
            if (marked.size() != cells.size()) {
                throw new IllegalArgumentException("marked cells must match cells one to one");
            }
        } else {
            marked = null;
        }
    }

    static ReportLine paragraph(int number, String place, String text, boolean heading) {
        return new ReportLine(number, place, text, null, null, heading);
    }

    static ReportLine row(int number, String place, String raw, List<String> cells, List<String> marked) {
        return new ReportLine(number, place, raw, cells, marked, false);
    }

    boolean isRow() {
        return cells != null;
    }

    /** How a reason refers to this block: its place, or "line N". */
    String where() {
        return place == null ? "line " + number : place;
    }
}
