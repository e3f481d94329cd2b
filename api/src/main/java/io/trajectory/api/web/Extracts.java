package io.trajectory.api.web;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeStampMilliTZVector;
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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
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
 * Writes a list of records as CSV (header row of the record's component names) or as an Arrow
 * IPC stream (one column per component, typed), so extracts carry the same rows and field names
 * as the JSON {@code data}. Thread-safe.
 */
public final class Extracts {

    private static final BufferAllocator ROOT = new RootAllocator();

    private Extracts() {
    }

    public static <R extends Record> byte[] csv(List<R> rows, Class<R> type) {
        RecordComponent[] columns = type.getRecordComponents();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] header = new String[columns.length];
        for (int i = 0; i < columns.length; i++) {
            header[i] = columns[i].getName();
        }
        try (CSVPrinter csv = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
                CSVFormat.RFC4180.builder().setHeader(header).get())) {
            for (R row : rows) {
                List<Object> cells = new ArrayList<>(columns.length);
                for (RecordComponent c : columns) {
                    Object v = value(row, c);
                    cells.add(v instanceof Collection<?> list ? join(list) : v);
                }
                csv.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static <R extends Record> byte[] arrow(List<R> rows, Class<R> type) {
        RecordComponent[] columns = type.getRecordComponents();
        List<Field> fields = new ArrayList<>();
        for (RecordComponent c : columns) {
            fields.add(new Field(c.getName(), FieldType.nullable(arrowType(c.getType())), null));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
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
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
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
            return new ArrowType.Timestamp(TimeUnit.MILLISECOND, "UTC");
        }
        return ArrowType.Utf8.INSTANCE; // strings, and lists joined with "; "
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
        } else if (vector instanceof TimeStampMilliTZVector t) {
            t.setSafe(row, ((Instant) v).toEpochMilli());
        } else if (vector instanceof VarCharVector s) {
            s.setSafe(row, (v instanceof Collection<?> list ? join(list) : v.toString()).getBytes(StandardCharsets.UTF_8));
        } else {
            throw new IllegalStateException("no Arrow writer for " + vector.getClass().getSimpleName());
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
