package io.trajectory.etl.importer;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How one landing-zone value is made from a source row: a column or a constant, then
 * {@code pattern} (keep the first group), {@code missing} (values that mean blank),
 * {@code blank_when} (blank when another column holds one of some values), {@code values}
 * (a value map, matched ignoring case and surrounding space; a value not in it drops the row),
 * {@code scale} (multiply a number) and {@code default} (when still blank).
 *
 * @param key the mapping key it was read from, for messages ({@code figures.rag})
 */
record Field(String key, String column, String constant, Pattern pattern, Set<String> missing, String blankWhenColumn,
             Set<String> blankWhenValues, Map<String, String> values, BigDecimal scale, String defaultValue) {

    /** A value the row cannot give: the row is dropped with this reason. */
    static final class Unusable extends RuntimeException {
        Unusable(String reason) {
            super(reason, null, false, false);
        }
    }

    static Field column(String key, String column) {
        return new Field(key, column, null, null, Set.of(), null, Set.of(), Map.of(), null, null);
    }

    static Field constant(String key, String value) {
        return new Field(key, null, value, null, Set.of(), null, Set.of(), Map.of(), null, null);
    }

    /** The columns this field reads, to check against the source's header. */
    List<String> columns() {
        return blankWhenColumn == null ? (column == null ? List.of() : List.of(column))
                : column == null ? List.of(blankWhenColumn) : List.of(column, blankWhenColumn);
    }

    /**
     * The value for this row, or null when blank.
     *
     * @throws Unusable when a value map does not know the cell, or a scale meets a non-number
     */
    String value(SourceRow row) {
        String v = constant != null ? constant : row.get(column);
        v = v == null ? null : v.replace('\u00A0', ' ').strip();
        if (v != null && pattern != null) {
            Matcher m = pattern.matcher(v);
            v = m.find() ? (m.groupCount() >= 1 ? m.group(1) : m.group()) : null;
        }
        if (v != null && (v.isEmpty() || missing.contains(v.toLowerCase(Locale.ROOT)))) {
            v = null;
        }
        if (v != null && blankWhenColumn != null) {
            String other = row.get(blankWhenColumn);
            if (other != null && blankWhenValues.contains(other.strip().toLowerCase(Locale.ROOT))) {
                v = null;
            }
        }
        if (v != null && !values.isEmpty()) {
            String mapped = values.get(v.toLowerCase(Locale.ROOT));
            if (mapped == null) {
                throw new Unusable(key + ": '" + v + "' is not in its values (" + String.join(", ", values.keySet()) + ")");
            }
            v = mapped.isEmpty() ? null : mapped;
        }
        if (v != null && scale != null) {
            v = Numbers.format(Numbers.parse(key, v).multiply(scale));
        }
        return v == null ? defaultValue : v;
    }
}
