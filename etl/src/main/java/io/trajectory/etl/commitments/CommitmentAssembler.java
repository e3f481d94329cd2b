package io.trajectory.etl.commitments;

import static io.trajectory.etl.commitments.CommitmentCells.blank;

import io.trajectory.warehouse.period.FiscalQuarter;
import io.trajectory.warehouse.rating.CommitmentStatus;
import io.trajectory.warehouse.rating.Rating;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Joins mapped table rows into commitment lines, so the report text and the CSV follow one set
 * of rules:
 * <ul>
 *   <li>a row with a REF starts a new line under that REF; {@code item} counts the lines of a REF
 *       through the whole file, so {@code X (cont)} carries on from {@code X};</li>
 *   <li>a row with a blank REF and a status is a new line under the REF above;</li>
 *   <li>a row with a blank REF and no status is more text for the line above (a table row split
 *       by a page break): each non-blank cell is appended to the same field;</li>
 *   <li>blank priority and officer cells of a later line under the same REF are filled down;</li>
 *   <li>a section heading ends the REF above, a repeated header does not; a heading that implies
 *       a status ("now Amber") gives it to cells that state only last quarter's.</li>
 * </ul>
 * Rows that break these rules become {@link ParseProblem}s with their raw line. Not thread-safe:
 * one instance per file.
 */
final class CommitmentAssembler {

    /** Where a blank-REF row would attach: a REF with its fill-down values, or a rejected line. */
    private record Context(String ref, String priority, String officer, int rejectedLine, String rejectedReason) {
        boolean rejected() {
            return rejectedLine > 0;
        }
    }

    /** A line being built; continuation rows still append to it. */
    private static final class Item {
        final int line;
        final String ref;
        final int number;
        final String statusText;
        final CommitmentStatus status;
        final String section;
        String priority;
        String achieve;
        String officer;
        String comment;

        Item(int line, String ref, int number, String statusText, CommitmentStatus status, String section) {
            this.line = line;
            this.ref = ref;
            this.number = number;
            this.statusText = statusText;
            this.status = status;
            this.section = section;
        }
    }

    private final String sourceFile;
    private final FiscalQuarter reportQuarter;
    private final List<Item> items = new ArrayList<>();
    private final List<ParseProblem> problems = new ArrayList<>();
    private final Map<String, Integer> itemCounts = new HashMap<>();
    private final Map<String, Context> lastByRef = new HashMap<>();
    /** Where a block that is not simply a text line sits ("table 2 row 3"), by its number. */
    private final Map<Integer, String> places = new HashMap<>();
    private String section;
    private Rating sectionStatus;
    private Context context;
    /** The line continuation text goes to; null when there is none (or it was rejected: see context). */
    private Item lastItem;
    private int lastRejectedLine;
    private String lastRejectedReason;

    CommitmentAssembler(String sourceFile, FiscalQuarter reportQuarter) {
        this.sourceFile = sourceFile;
        this.reportQuarter = reportQuarter;
    }

    /** Names the place of block {@code line} for problems, when the line number alone does not say it. */
    void place(int line, String place) {
        if (place != null) {
            places.put(line, place);
        }
    }

    /** A section heading: later rows belong to it, and a blank REF cannot reach back past it. */
    void section(String heading) {
        section = heading;
        sectionStatus = CommitmentStatus.impliedBySection(heading).orElse(null);
        context = null;
        lastItem = null;
        lastRejectedLine = 0;
    }

    /** A row that could not be mapped at all; rows continuing it are rejected too. */
    void reject(int line, String column, String reason, String rawLine) {
        problem(line, column, reason, rawLine);
        context = new Context(null, null, null, line, reason);
        lastItem = null;
        lastRejectedLine = line;
        lastRejectedReason = reason;
    }

    /** A line that is quarantined without affecting the rows around it. */
    void problem(int line, String column, String reason, String rawLine) {
        String place = places.get(line);
        problems.add(new ParseProblem(sourceFile, line, column, place == null ? reason : place + ": " + reason, rawLine));
    }

    private String where(int line) {
        return places.getOrDefault(line, "line " + line);
    }

    void row(CommitmentCells cells) {
        if (cells.isBlank()) {
            return;
        }
        if (blank(cells.ref())) {
            continuation(cells);
            return;
        }
        String ref = CommitmentRow.normaliseRef(cells.ref());
        Context fill = fillFor(ref, CommitmentRow.isContinued(cells.ref()));
        if (blank(cells.status()) && blank(cells.achieve()) && blank(cells.comment())) {
            problem(cells.line(), cells.statusColumn(), "row has a REF but no status and no text", cells.rawLine());
            context = merge(ref, fill, cells);
            lastItem = null;
            lastRejectedLine = cells.line();
            lastRejectedReason = "it has a REF but no status and no text";
            return;
        }
        newItem(ref, fill, cells);
    }

    private void continuation(CommitmentCells cells) {
        if (context == null) {
            reject(cells.line(), null, "continuation row (blank REF) with nothing before it"
                    + (section == null ? "" : " in section '" + section + "'"), cells.rawLine());
            return;
        }
        if (context.rejected()) {
            problem(cells.line(), null, "continuation row (blank REF) continues " + where(context.rejectedLine())
                    + ", which was rejected: " + context.rejectedReason(), cells.rawLine());
            return;
        }
        if (!blank(cells.status())) {
            newItem(context.ref(), context, cells);
            return;
        }
        if (lastItem == null) {
            problem(cells.line(), null, "continuation row (blank REF, no status) continues " + where(lastRejectedLine)
                    + ", which was rejected: " + lastRejectedReason, cells.rawLine());
            return;
        }
        lastItem.priority = join(lastItem.priority, cells.priority(), " ");
        lastItem.achieve = join(lastItem.achieve, cells.achieve(), " ");
        lastItem.officer = join(lastItem.officer, cells.officer(), " ");
        lastItem.comment = join(lastItem.comment, cells.comment(), "\n");
    }

    private void newItem(String ref, Context fill, CommitmentCells cells) {
        Context here = merge(ref, fill, cells);
        context = here;
        lastByRef.put(ref, here);
        int number = itemCounts.merge(ref, 1, Integer::sum);
        String statusText = cells.status() == null ? "" : cells.status();
        CommitmentStatus status = CommitmentStatus.parse(statusText, reportQuarter, sectionStatus);
        if (!status.understood()) {
            String reason = "status not understood: " + status.problem();
            problem(cells.line(), cells.statusColumn(), reason, cells.rawLine());
            lastItem = null;
            lastRejectedLine = cells.line();
            lastRejectedReason = reason;
            return;
        }
        Item item = new Item(cells.line(), ref, number, statusText, status, section);
        item.priority = here.priority();
        item.officer = here.officer();
        item.achieve = text(cells.achieve());
        item.comment = text(cells.comment());
        items.add(item);
        lastItem = item;
    }

    /** The values a new row under {@code ref} inherits: from the REF above, or from an earlier part of the same REF. */
    private Context fillFor(String ref, boolean continued) {
        if (context != null && !context.rejected() && ref.equals(context.ref())) {
            return context;
        }
        return continued ? lastByRef.get(ref) : null;
    }

    private static Context merge(String ref, Context fill, CommitmentCells cells) {
        String priority = text(CommitmentRow.dropContinued(cells.priority()));
        String officer = text(cells.officer());
        if (fill != null) {
            priority = priority == null ? fill.priority() : priority;
            officer = officer == null ? fill.officer() : officer;
        }
        return new Context(ref, priority, officer, 0, null);
    }

    CommitmentsParse finish() {
        List<CommitmentRow> rows = new ArrayList<>(items.size());
        for (Item i : items) {
            rows.add(new CommitmentRow(sourceFile, i.line, i.ref, i.number, i.priority, i.achieve, i.officer,
                    i.statusText, i.status.current(), i.status.statedPrevious(), i.status.statedPreviousPeriod(),
                    i.comment, i.section));
        }
        return new CommitmentsParse(rows, problems);
    }

    private static String text(String cell) {
        return blank(cell) ? null : cell.strip();
    }

    private static String join(String before, String more, String separator) {
        String extra = text(more);
        if (extra == null) {
            return before;
        }
        return before == null ? extra : before + separator + extra;
    }
}
