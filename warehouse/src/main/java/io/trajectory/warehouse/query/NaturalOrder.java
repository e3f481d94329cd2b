package io.trajectory.warehouse.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * References as people number them: runs of digits compare as numbers, so {@code LAA 7.2} comes
 * before {@code LAA 7.10} and {@code NI 9} before {@code NI 181}; other text compares as it is
 * written. The query files sort the same way with the expression
 * {@code [case when regexp_full_match(part, '[0-9]+') then lpad(part, 20, '0') else part end for part in
 * regexp_extract_all(ref, '[0-9]+|[^0-9]+')]} (digit runs padded to 20 places, then compared as
 * text; references have no 20-digit numbers). Thread-safe.
 */
public final class NaturalOrder implements Comparator<String> {

    /** The one instance. */
    public static final NaturalOrder INSTANCE = new NaturalOrder();

    private static final Pattern PART = Pattern.compile("[0-9]+|[^0-9]+");
    private static final int WIDTH = 20;

    private NaturalOrder() {
    }

    @Override
    public int compare(String a, String b) {
        List<String> x = key(a);
        List<String> y = key(b);
        for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
            int c = x.get(i).compareTo(y.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.size(), y.size());
    }

    /** The sort key the query files compute: the parts of {@code s}, digit runs zero-padded to 20 places. */
    static List<String> key(String s) {
        List<String> parts = new ArrayList<>();
        Matcher m = PART.matcher(s);
        while (m.find()) {
            String part = m.group();
            boolean digits = part.charAt(0) >= '0' && part.charAt(0) <= '9';
            parts.add(digits && part.length() < WIDTH ? "0".repeat(WIDTH - part.length()) + part : part);
        }
        return parts;
    }
}
