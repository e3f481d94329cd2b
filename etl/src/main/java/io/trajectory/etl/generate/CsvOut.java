package io.trajectory.etl.generate;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The generator's CSV writer: Commons CSV's printer (RFC 4180 quoting, {@code \n} line ends,
 * UTF-8) with the few conveniences the generator wants: numbers written from scaled integers
 * without formatting, and rows gathered in memory and written to the file in large chunks, so
 * the hot loop neither formats nor takes the writer's lock per field. Commons CSV checks every
 * field for quoting (under two locks); that costs the generator about 1.6 times the CPU of the
 * hand-written writer it replaced, which wrote text it had quoted once (see BENCHMARKS.md), the
 * price of one CSV writer everywhere. Not thread-safe: one instance per file.
 */
final class CsvOut implements Closeable {

    private static final int FLUSH_AT = 1 << 16;
    private static final long[] POW10 = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};

    private final Writer writer;
    private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 4096);
    private final CSVPrinter printer;
    private final StringBuilder number = new StringBuilder(24);
    private long rows;

    CsvOut(Path file) throws IOException {
        this.writer = new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8);
        // A format of its own: CSVFormat prints under its own lock, which files written in parallel must not share.
        this.printer = new CSVPrinter(buffer, CSVFormat.RFC4180.builder().setRecordSeparator('\n').get());
    }

    /** Writes the header row (does not count as a row). */
    void header(String... names) throws IOException {
        printer.printRecord((Object[]) names);
    }

    /** Any text; quoted if needed. Null is written blank. */
    CsvOut text(String text) throws IOException {
        printer.print(text);
        return this;
    }

    /** An empty field. */
    CsvOut blank() throws IOException {
        return text(null);
    }

    /**
     * A number given as an integer count of {@code 10^-decimals} units, written with exactly that
     * many decimals: {@code fixed(12345, 2)} writes {@code 123.45}.
     */
    CsvOut fixed(long scaled, int decimals) throws IOException {
        number.setLength(0);
        appendFixed(number, scaled, decimals);
        printer.print(number);
        return this;
    }

    /** A double rounded to {@code decimals} places, or blank for NaN. */
    CsvOut number(double value, int decimals) throws IOException {
        if (Double.isNaN(value)) {
            return blank();
        }
        return fixed(Math.round(value * POW10[decimals]), decimals);
    }

    /** Ends the row, writing to the file when enough text has built up. */
    void endRow() throws IOException {
        printer.println();
        rows++;
        if (buffer.length() >= FLUSH_AT) {
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

    private void drain() throws IOException {
        writer.append(buffer);
        buffer.setLength(0);
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
