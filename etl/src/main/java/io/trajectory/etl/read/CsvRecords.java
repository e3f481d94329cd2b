package io.trajectory.etl.read;

import io.trajectory.etl.landing.LandingZoneException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads a CSV file record by record with the line each record starts on (records may span
 * lines inside quotes), so every problem can name its line. A byte-order mark is skipped and
 * blank lines are passed over.
 */
public final class CsvRecords {

    /** A record: the 1-based line it starts on and its cells. */
    public record Line(long number, List<String> cells) {

        /** The record as CSV text again, for quarantine. */
        public String raw() {
            return CSVFormat.DEFAULT.format(cells.toArray());
        }
    }

    private CsvRecords() {
    }

    /**
     * Reads the header, then hands every record to {@code each}.
     *
     * @return the header cells
     * @throws LandingZoneException when the file is empty or is not CSV at all, naming the file
     */
    public static List<String> read(String file, Reader reader, Consumer<Line> each) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get();
        try (CSVParser parser = CSVParser.parse(skipBom(reader), format)) {
            Iterator<CSVRecord> it = parser.iterator();
            List<String> header = null;
            while (true) {
                long start = parser.getCurrentLineNumber() + 1;
                boolean more;
                CSVRecord record;
                try {
                    more = it.hasNext();
                    record = more ? it.next() : null;
                } catch (UncheckedIOException | IllegalStateException e) {
                    throw new LandingZoneException(file + " line " + start + ": not valid CSV: " + rootMessage(e), e);
                }
                if (!more) {
                    break;
                }
                List<String> cells = record.toList();
                if (cells.size() == 1 && cells.get(0).isBlank()) {
                    continue;
                }
                if (header == null) {
                    header = new ArrayList<>(cells);
                } else {
                    each.accept(new Line(start, cells));
                }
            }
            if (header == null) {
                throw new LandingZoneException(file + " is empty: expected a header row");
            }
            return header;
        } catch (IOException e) {
            throw new LandingZoneException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static Reader skipBom(Reader reader) throws IOException {
        PushbackReader in = new PushbackReader(reader, 1);
        int first = in.read();
        if (first != -1 && first != '\uFEFF') {
            in.unread(first);
        }
        return in;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
