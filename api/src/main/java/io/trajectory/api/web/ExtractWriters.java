package io.trajectory.api.web;

import io.micronaut.core.type.Argument;
import io.micronaut.core.type.MutableHeaders;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.body.MessageBodyWriter;
import io.micronaut.http.codec.CodecException;
import jakarta.inject.Singleton;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeStampNanoTZVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Micronaut writes an {@link Extract} as CSV or as an Arrow IPC stream when the request accepts
 * {@code text/csv} or {@code application/vnd.apache.arrow.stream} (or says {@code format=csv|arrow}).
 * One column per component of the table's record type, in order, typed in Arrow; values are
 * written whole (numbers at full precision, instants to the nanosecond), enums by name and lists
 * joined with {@code "; "}. Both also name the file and the snapshot it comes from. Thread-safe.
 */
public final class ExtractWriters {

    private ExtractWriters() {
    }

    /** {@code text/csv}: a header row of the component names, RFC 4180 quoting, UTF-8. */
    @Singleton
    @Produces(ExtractFormat.CSV_TYPE)
    public static final class CsvWriter implements MessageBodyWriter<Extract> {

        @Override
        public boolean isWriteable(Argument<Extract> type, MediaType mediaType) {
            return writes(type, mediaType, ExtractFormat.CSV);
        }

        @Override
        public void writeTo(Argument<Extract> type, MediaType mediaType, Extract extract, MutableHeaders headers,
                OutputStream out) throws CodecException {
            Table<?> table = extract.table();
            describe(headers, extract, ExtractFormat.CSV, ExtractFormat.CSV_TYPE + "; charset=utf-8");
            RecordComponent[] columns = table.type().getRecordComponents();
            String[] header = new String[columns.length];
            for (int i = 0; i < columns.length; i++) {
                header[i] = columns[i].getName();
            }
            try {
                CSVPrinter csv = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
                        CSVFormat.RFC4180.builder().setHeader(header).get());
                for (Record row : table.rows()) {
                    List<Object> cells = new ArrayList<>(columns.length);
                    for (RecordComponent c : columns) {
                        cells.add(cell(value(row, c)));
                    }
                    csv.printRecord(cells);
                }
                csv.flush(); // not close(): the server owns the stream
            } catch (IOException e) {
                throw new CodecException("cannot write the " + table.name() + " extract as CSV: " + e.getMessage(), e);
            }
        }

        private static Object cell(Object v) {
            if (v instanceof Collection<?> list) {
                return join(list);
            }
            if (v instanceof Enum<?> e) {
                return e.name();
            }
            return v; // numbers print as Java does: every digit that tells them apart
        }
    }

    /** {@code application/vnd.apache.arrow.stream}: one record batch, a typed column per component. */
    @Singleton
    @Produces(ExtractFormat.ARROW_TYPE)
    public static final class ArrowWriter implements MessageBodyWriter<Extract> {

        private static final BufferAllocator ROOT = new RootAllocator();

        @Override
        public boolean isWriteable(Argument<Extract> type, MediaType mediaType) {
            return writes(type, mediaType, ExtractFormat.ARROW);
        }

        @Override
        public void writeTo(Argument<Extract> type, MediaType mediaType, Extract extract, MutableHeaders headers,
                OutputStream out) throws CodecException {
            Table<?> table = extract.table();
            describe(headers, extract, ExtractFormat.ARROW, ExtractFormat.ARROW_TYPE);
            RecordComponent[] columns = table.type().getRecordComponents();
            List<Field> fields = new ArrayList<>();
            for (RecordComponent c : columns) {
                fields.add(new Field(c.getName(), FieldType.nullable(arrowType(c.getType())), null));
            }
            List<? extends Record> rows = table.rows();
            try (BufferAllocator allocator = ROOT.newChildAllocator("extract", 0, Long.MAX_VALUE);
                 VectorSchemaRoot root = VectorSchemaRoot.create(new Schema(fields), allocator);
                 ArrowStreamWriter writer = new ArrowStreamWriter(root, null, out)) {
                root.allocateNew();
                for (int r = 0; r < rows.size(); r++) {
                    for (int i = 0; i < columns.length; i++) {
                        set(root.getVector(i), r, value(rows.get(r), columns[i]));
                    }
                }
                root.setRowCount(rows.size());
                writer.start();
                writer.writeBatch();
                writer.end();
            } catch (IOException e) {
                throw new CodecException("cannot write the " + table.name() + " extract as Arrow: " + e.getMessage(), e);
            }
        }

        private static ArrowType arrowType(Class<?> t) {
            if (t == Double.class || t == double.class) {
                return new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
            }
            if (t == Integer.class || t == int.class) {
                return new ArrowType.Int(32, true);
            }
            if (t == Long.class || t == long.class) {
                return new ArrowType.Int(64, true);
            }
            if (t == Boolean.class || t == boolean.class) {
                return ArrowType.Bool.INSTANCE;
            }
            if (t == LocalDate.class) {
                return new ArrowType.Date(DateUnit.DAY);
            }
            if (t == Instant.class) {
                return new ArrowType.Timestamp(TimeUnit.NANOSECOND, "UTC");
            }
            return ArrowType.Utf8.INSTANCE; // strings, enums by name, and lists joined with "; "
        }

        private static void set(FieldVector vector, int row, Object v) {
            if (v == null) {
                vector.setNull(row);
                return;
            }
            if (vector instanceof Float8Vector f) {
                f.setSafe(row, ((Number) v).doubleValue());
            } else if (vector instanceof IntVector i) {
                i.setSafe(row, ((Number) v).intValue());
            } else if (vector instanceof BigIntVector b) {
                b.setSafe(row, ((Number) v).longValue());
            } else if (vector instanceof BitVector b) {
                b.setSafe(row, ((Boolean) v) ? 1 : 0);
            } else if (vector instanceof DateDayVector d) {
                d.setSafe(row, Math.toIntExact(((LocalDate) v).toEpochDay()));
            } else if (vector instanceof TimeStampNanoTZVector t) {
                Instant at = (Instant) v;
                t.setSafe(row, Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000_000L), at.getNano()));
            } else if (vector instanceof VarCharVector s) {
                String text = v instanceof Collection<?> list ? join(list) : v instanceof Enum<?> e ? e.name() : v.toString();
                s.setSafe(row, text.getBytes(StandardCharsets.UTF_8));
            } else {
                throw new IllegalStateException("no Arrow writer for " + vector.getClass().getSimpleName());
            }
        }
    }

    /**
     * Only extracts, and only in the writer's own media type: Micronaut offers a route's writer for
     * every type the route produces, and JSON must go to the JSON writer.
     */
    private static boolean writes(Argument<Extract> type, MediaType mediaType, ExtractFormat format) {
        return Extract.class.isAssignableFrom(type.getType()) && mediaType != null
                && mediaType.getName().equalsIgnoreCase(format.mediaType());
    }

    /** The file name and, for an answer, the snapshot version. */
    private static void describe(MutableHeaders headers, Extract extract, ExtractFormat format, String contentType) {
        headers.set(HttpHeaders.CONTENT_TYPE, contentType);
        headers.set(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"" + extract.table().name() + "." + format.extension() + "\"");
        if (extract.snapshotVersion() != null) {
            headers.set("X-Snapshot-Version", Integer.toString(extract.snapshotVersion()));
        }
    }

    private static Object value(Record row, RecordComponent c) {
        try {
            return c.getAccessor().invoke(row);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + c.getName() + " of " + row.getClass().getSimpleName(), e);
        }
    }

    private static String join(Collection<?> list) {
        return list.stream().map(String::valueOf).collect(Collectors.joining("; "));
    }
}
