package io.trajectory.etl.generate;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small, fast CSV writer for the generator: UTF-8, comma-separated, {@code \n} line ends,
 * fields quoted as RFC 4180 requires. Text that repeats (comments, names, codes) is escaped once
 * with {@link #escape} and then written with {@link #raw}, so the hot loop does no quoting
 * checks and no formatting beyond appending digits. Not thread-safe: one instance per file.
 */
final class CsvOut implements Closeable {

    private static final int FLUSH_AT = 1 << 16;
    private static final long[] POW10 = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};

    private final Writer writer;
    private final StringBuilder line = new StringBuilder(FLUSH_AT + 4096);
    private final char[] chunk = new char[FLUSH_AT + 4096];
    private boolean firstField = true;
    private long rows;

    CsvOut(Path file) throws IOException {
        OutputStream out = Files.newOutputStream(file);
        this.writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    }

    /** The text as a CSV field: quoted (with doubled quotes) when it holds a comma, quote or line break. */
    static String escape(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        boolean quote = text.charAt(0) == ' ' || text.charAt(text.length() - 1) == ' ';
        for (int k = 0; k < text.length() && !quote; k++) {
            char c = text.charAt(k);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    /** Writes the header row (does not count as a row). */
    void header(String... names) throws IOException {
        for (String name : names) {
            text(name);
        }
        endRow();
        rows--;
    }

    /** A field already escaped with {@link #escape} (or known to need no quoting). */
    CsvOut raw(String escaped) {
        separate();
        line.append(escaped);
        return this;
    }

    /** Any text; quoted if needed. */
    CsvOut text(String text) {
        return raw(escape(text));
    }

    /** An empty field. */
    CsvOut blank() {
        separate();
        return this;
    }

    /**
     * A number given as an integer count of {@code 10^-decimals} units, written with exactly that
     * many decimals: {@code fixed(12345, 2)} writes {@code 123.45}.
     */
    CsvOut fixed(long scaled, int decimals) {
        separate();
        appendFixed(line, scaled, decimals);
        return this;
    }

    /** A double rounded to {@code decimals} places, or blank for NaN. */
    CsvOut number(double value, int decimals) {
        if (Double.isNaN(value)) {
            return blank();
        }
        return fixed(Math.round(value * POW10[decimals]), decimals);
    }

    /** Ends the row, flushing to the file when enough text has built up. */
    void endRow() throws IOException {
        line.append('\n');
        firstField = true;
        rows++;
        if (line.length() >= FLUSH_AT) {
            drain();
        }
    }

    long rows() {
        return rows;
    }

    static long scale(int decimals) {
        return POW10[decimals];
    }

    static void appendFixed(StringBuilder sb, long scaled, int decimals) {
        if (scaled < 0) {
            sb.append('-');
            scaled = -scaled;
        }
        if (decimals == 0) {
            sb.append(scaled);
            return;
        }
        long unit = POW10[decimals];
        sb.append(scaled / unit).append('.');
        long fraction = scaled % unit;
        for (long digit = unit / 10; digit > 1 && fraction < digit; digit /= 10) {
            sb.append('0');
        }
        sb.append(fraction);
    }

    private void separate() {
        if (firstField) {
            firstField = false;
        } else {
            line.append(',');
        }
    }

    private void drain() throws IOException {
        int length = line.length();
        if (length > chunk.length) {
            writer.write(line.toString());
        } else {
            line.getChars(0, length, chunk, 0);
            writer.write(chunk, 0, length);
        }
        line.setLength(0);
    }

    @Override
    public void close() throws IOException {
        try {
            drain();
        } finally {
            writer.close();
        }
    }
}
