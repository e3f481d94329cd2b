package io.trajectory.etl.commitments;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A header row of the commitments table: which column each cell position feeds.
 *
 * <p>The report's columns always come in one order ({@link Column#ORDER}), so a header is read on
 * that principle rather than on exact strings:
 * <ul>
 *   <li>a cell names its column when it matches a usual name, allowing for case, punctuation and a
 *       misspelling or two ({@code Responsable Officer}, {@code We Will Acheive});</li>
 *   <li>a row is a header when most of its filled cells name columns, and at least three;</li>
 *   <li>a blank or unreadable header cell is placed by position: between {@code High Priorities}
 *       and {@code Responsible Officer} it can only be {@code We Will Achieve}, before
 *       {@code High Priorities} only {@code REF}; the columns missing after the last header cell
 *       (a blank trailing cell) follow in order;</li>
 *   <li>a blank cell where no column is missing is a stray empty column: text under it belongs
 *       to the next named column to its right (Word's split cells export that way).</li>
 * </ul>
 */
record ReportHeader(int line, String where, Column[] target, Map<Column, String> names) {

    /** The role a header cell gives its column. */
    enum Column {
        REF("REF", "ref", "refs", "reference", "refno"),
        PRIORITY("High Priorities", "highpriorities", "highpriority", "priorities", "priority"),
        ACHIEVE("We Will Achieve", "wewillachieve", "willachieve", "achieve", "wewilldeliver"),
        OFFICER("Responsible Officer", "responsibleofficer", "officer", "leadofficer", "responsible", "lead"),
        STATUS("Red/ Amber Green/Achieved", "redambergreenachieved", "redambergreen", "ragstatus", "rag", "status",
                "rating"),
        COMMENT("Comments On Progress", "commentsonprogress", "commentonprogress", "comments", "comment", "progress",
                "commentary"),
        /** A blank header cell. */
        UNNAMED(""),
        /** A header cell that names no column. */
        UNKNOWN("");

        static final List<Column> ORDER = List.of(REF, PRIORITY, ACHIEVE, OFFICER, STATUS, COMMENT);
        static final List<Column> REQUIRED = List.of(REF, ACHIEVE, STATUS);

        final String usualName;
        private final List<String> aliases;

        Column(String usualName, String... aliases) {
            this.usualName = usualName;
            this.aliases = List.of(aliases);
        }

        boolean isNamed() {
            return this != UNNAMED && this != UNKNOWN;
        }

        static Column named(String headerCell) {
            String s = headerCell.replaceAll("<[^>]*>", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
            if (s.isEmpty()) {
                return UNNAMED;
            }
            for (Column c : ORDER) {
                if (c.aliases.contains(s)) {
                    return c;
                }
            }
            if (headerCell.strip().split("\\s+").length <= 6) {
                // Header-sized cells only: prose in a data row mentions these words too.
                if (s.contains("red") && (s.contains("amber") || s.contains("green"))) {
                    return STATUS;
                }
                if (s.contains("achieve")) {
                    return ACHIEVE;
                }
                if (s.contains("priorit")) {
                    return PRIORITY;
                }
                if (s.contains("officer")) {
                    return OFFICER;
                }
                if (s.contains("comment")) {
                    return COMMENT;
                }
            }
            for (Column c : ORDER) {
                for (String alias : c.aliases) {
                    // Short names (ref, rag) are too close to words a row holds ("red") to allow typos.
                    if (alias.length() >= 6 && distance(s, alias) <= alias.length() / 5) {
                        return c;
                    }
                }
            }
            return UNKNOWN;
        }
    }

    /**
     * The header in these cells, or null when they are not a header row.
     *
     * @param cells the row's cells, trailing empty cells dropped
     */
    static ReportHeader of(int line, String where, List<String> cells) {
        Column[] roles = cells.stream().map(Column::named).toArray(Column[]::new);
        long filled = cells.stream().filter(c -> !c.isEmpty()).count();
        long naming = Arrays.stream(roles).filter(Column::isNamed).count();
        long distinct = Arrays.stream(roles).filter(Column::isNamed).distinct().count();
        if (distinct < 3 || naming * 2 <= filled) {
            return null;
        }
        Map<Column, String> names = new EnumMap<>(Column.class);
        for (int i = 0; i < roles.length; i++) {
            if (roles[i].isNamed()) {
                names.putIfAbsent(roles[i], cells.get(i).replaceAll("<[^>]*>", "").strip().replaceAll("\\s+", " "));
            }
        }
        List<Column> target = new ArrayList<>(Arrays.asList(placeByPosition(roles, names)));
        // Columns missing after the last named one: a blank trailing header cell was trimmed away.
        int lastNamed = -1;
        for (Column c : target) {
            if (c.isNamed()) {
                lastNamed = Math.max(lastNamed, Column.ORDER.indexOf(c));
            }
        }
        for (int k = lastNamed + 1; k < Column.ORDER.size(); k++) {
            Column c = Column.ORDER.get(k);
            if (!target.contains(c)) {
                target.add(c);
            }
        }
        for (int i = 0; i < target.size(); i++) {
            if (target.get(i) == Column.UNNAMED) {
                target.set(i, nearestNamed(target, i));
            }
        }
        for (Column c : target) {
            if (c.isNamed()) {
                names.putIfAbsent(c, c.usualName);
            }
        }
        return new ReportHeader(line, where, target.toArray(Column[]::new), names);
    }

    /**
     * Gives blank and unreadable cells the columns missing between their named neighbours, in the
     * report's column order. Required columns are placed first when there are fewer cells than
     * missing columns; cells with text are preferred over blank ones when there are more.
     */
    private static Column[] placeByPosition(Column[] roles, Map<Column, String> named) {
        Column[] placed = roles.clone();
        int i = 0;
        while (i < roles.length) {
            if (roles[i].isNamed()) {
                i++;
                continue;
            }
            int start = i;
            while (i < roles.length && !roles[i].isNamed()) {
                i++;
            }
            int left = start == 0 ? -1 : Column.ORDER.indexOf(roles[start - 1]);
            int right = i == roles.length ? Column.ORDER.size() : Column.ORDER.indexOf(roles[i]);
            List<Column> missing = new ArrayList<>();
            for (int k = left + 1; k < right; k++) {
                if (!named.containsKey(Column.ORDER.get(k))) {
                    missing.add(Column.ORDER.get(k));
                }
            }
            if (i == roles.length) {
                // Trailing cells: the missing columns beyond them are appended later, in order.
                missing = missing.subList(0, Math.min(missing.size(), i - start));
            }
            List<Integer> positions = new ArrayList<>();
            for (int p = start; p < i; p++) {
                positions.add(p);
            }
            if (missing.size() > positions.size()) {
                List<Column> chosen = new ArrayList<>(missing.stream().filter(Column.REQUIRED::contains).toList());
                for (Column c : missing) {
                    if (chosen.size() < positions.size() && !chosen.contains(c)) {
                        chosen.add(c);
                    }
                }
                chosen = chosen.subList(0, Math.min(chosen.size(), positions.size()));
                missing = missing.stream().filter(chosen::contains).toList();
            } else if (positions.size() > missing.size()) {
                List<Integer> withText = positions.stream().filter(p -> roles[p] == Column.UNKNOWN).toList();
                if (withText.size() == missing.size()) {
                    positions = withText;
                } else {
                    positions = positions.subList(0, missing.size());
                }
            }
            for (int k = 0; k < missing.size(); k++) {
                placed[positions.get(k)] = missing.get(k);
            }
        }
        return placed;
    }

    private static Column nearestNamed(List<Column> roles, int i) {
        for (int j = i + 1; j < roles.size(); j++) {
            if (roles.get(j).isNamed()) {
                return roles.get(j);
            }
        }
        for (int j = i - 1; j >= 0; j--) {
            if (roles.get(j).isNamed()) {
                return roles.get(j);
            }
        }
        return Column.UNKNOWN;
    }

    /** The required columns the header still lacks once blank cells are placed, as usual names in quotes. */
    List<String> missing() {
        List<String> missing = new ArrayList<>();
        for (Column required : Column.REQUIRED) {
            if (!Arrays.asList(target).contains(required)) {
                missing.add("'" + required.usualName + "'");
            }
        }
        return missing;
    }

    int width() {
        return target.length;
    }

    /** Levenshtein distance, for misspelt header cells. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
