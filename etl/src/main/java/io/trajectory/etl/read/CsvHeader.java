package io.trajectory.etl.read;

import io.trajectory.etl.landing.LandingZoneException;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where each contract column sits in a file's header. Names match case-insensitively, in any
 * order; a missing required column makes the file unreadable (the load stops, naming file and
 * column); extra columns are ignored with a warning.
 */
public final class CsvHeader implements Serializable {

    private final String file;
    private final Map<String, Integer> index;
    private final int width;
    private final List<String> ignored;

    private CsvHeader(String file, Map<String, Integer> index, int width, List<String> ignored) {
        this.file = file;
        this.index = index;
        this.width = width;
        this.ignored = ignored;
    }

    public static CsvHeader of(String file, List<String> headerCells, List<String> required, List<String> optional) {
        Map<String, Integer> found = new HashMap<>();
        List<String> ignored = new ArrayList<>();
        for (int i = 0; i < headerCells.size(); i++) {
            String name = normalise(headerCells.get(i));
            if (name.isEmpty() && i == headerCells.size() - 1) {
                continue; // a trailing comma
            }
            if (found.containsKey(name)) {
                throw new LandingZoneException(file + ": column '" + name + "' appears twice in the header");
            }
            if (required.contains(name) || optional.contains(name)) {
                found.put(name, i);
            } else {
                ignored.add(headerCells.get(i));
            }
        }
        List<String> missing = required.stream().filter(c -> !found.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new LandingZoneException(file + ": missing required column" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing) + " (header has: " + String.join(", ", headerCells) + ")");
        }
        return new CsvHeader(file, Map.copyOf(found), headerCells.size(), List.copyOf(ignored));
    }

    private static String normalise(String cell) {
        return cell.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT).replace(' ', '_');
    }

    public String file() {
        return file;
    }

    /** Header width: rows with more cells than this are suspect. */
    public int width() {
        return width;
    }

    /** Header cells that are not in the contract. */
    public List<String> ignored() {
        return ignored;
    }

    /** The cell for {@code column}, stripped; empty string when absent or blank. */
    public String get(List<String> cells, String column) {
        Integer i = index.get(column);
        if (i == null || i >= cells.size()) {
            return "";
        }
        String v = cells.get(i);
        return v == null ? "" : v.strip();
    }
}
