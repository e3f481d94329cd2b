package io.trajectory.etl.returns;

import io.trajectory.etl.landing.LandingZoneException;
import io.trajectory.etl.read.CsvHeader;
import io.trajectory.etl.read.CsvRecords;
import io.trajectory.etl.read.SheetRecords;
import io.trajectory.etl.validate.Problem;
import io.trajectory.etl.validate.ReturnRow;
import io.trajectory.etl.validate.ReturnRowParser;
import io.trajectory.warehouse.period.FiscalQuarter;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The read layer for returns: one Spark task per {@code indicators.csv} or {@code indicators.xlsx},
 * parsed with Commons CSV (or Apache POI, {@link SheetRecords}) so every row keeps the line or
 * sheet row it came from, and each cell typed by {@link ReturnRowParser}. Spark's own CSV source
 * cannot tell line numbers, and quarantine must name them. A workbook row's problems start with
 * "sheet S row N: ".
 */
public final class ReturnsReader {

    static final StructType PROBLEM = new StructType()
            .add("column_name", DataTypes.StringType)
            .add("reason", DataTypes.StringType)
            .add("raw_value", DataTypes.StringType);

    public static final StructType SCHEMA = new StructType()
            .add("source_file", DataTypes.StringType, false)
            .add("source_sha256", DataTypes.StringType, false)
            .add("return_period_key", DataTypes.IntegerType)
            .add("source_line", DataTypes.IntegerType, false)
            .add("raw_line", DataTypes.StringType)
            .add("indicator_ref", DataTypes.StringType)
            .add("period_text", DataTypes.StringType)
            .add("period_key", DataTypes.IntegerType)
            .add("area_code", DataTypes.StringType)
            .add("actual", DataTypes.DoubleType)
            .add("rag", DataTypes.StringType)
            .add("officer_trend", DataTypes.StringType)
            .add("data_status", DataTypes.StringType)
            .add("comment", DataTypes.StringType)
            .add("reported_by", DataTypes.StringType)
            .add("problems", DataTypes.createArrayType(PROBLEM), false)
            .add("source_place", DataTypes.StringType);

    private ReturnsReader() {
    }

    /** True for the file names a return's indicator figures may come in. */
    public static boolean isReturnFile(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        return lower.endsWith("indicators.csv") || lower.endsWith("indicators.xlsx");
    }

    /**
     * Checks every file's header on the driver first, so a missing column stops the load before
     * Spark starts.
     *
     * @return one warning per file that has columns the contract does not name (they are ignored)
     */
    public static List<String> checkHeaders(List<ReturnFile> files) {
        List<String> warnings = new ArrayList<>();
        for (ReturnFile f : files) {
            CsvHeader header;
            if (isWorkbook(f)) {
                try (InputStream in = openStream(f.uri())) {
                    SheetRecords.Table table = SheetRecords.read(f.name(), in, ReturnRowParser.REQUIRED, known());
                    header = CsvHeader.of(f.name() + " sheet " + table.sheet() + " row " + table.headerRow(), table.header(),
                            ReturnRowParser.REQUIRED, ReturnRowParser.OPTIONAL);
                } catch (IOException e) {
                    throw new LandingZoneException("cannot read " + f.name() + ": " + e.getMessage(), e);
                }
            } else {
                try (Reader r = open(f.uri())) {
                    header = CsvHeader.of(f.name(), CsvRecords.read(f.name(), new FirstLineOnly(r), line -> { }),
                            ReturnRowParser.REQUIRED, ReturnRowParser.OPTIONAL);
                } catch (IOException e) {
                    throw new LandingZoneException("cannot read " + f.name() + ": " + e.getMessage(), e);
                }
            }
            List<String> extra = header.ignored().stream().filter(c -> !c.isBlank()).toList();
            if (!extra.isEmpty()) {
                warnings.add(f.name() + ": ignored column(s) not in the contract: " + String.join(", ", extra));
            }
        }
        return warnings;
    }

    public static Dataset<Row> read(SparkSession spark, List<ReturnFile> files) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        JavaRDD<Row> rows = jsc.parallelize(files, Math.max(1, files.size())).flatMap(ReturnsReader::rowsOf);
        return spark.createDataFrame(rows, SCHEMA);
    }

    static Iterator<Row> rowsOf(ReturnFile file) throws IOException {
        List<Row> out = new ArrayList<>();
        FiscalQuarter quarter = file.returnPeriodKey() == null ? null : FiscalQuarter.ofKey(file.returnPeriodKey());
        if (isWorkbook(file)) {
            try (InputStream in = openStream(file.uri())) {
                SheetRecords.Table table = SheetRecords.read(file.name(), in, ReturnRowParser.REQUIRED, known());
                CsvHeader header = CsvHeader.of(file.name(), table.header(), ReturnRowParser.REQUIRED, ReturnRowParser.OPTIONAL);
                for (CsvRecords.Line line : table.lines()) {
                    out.add(toRow(file, ReturnRowParser.parse(header, line, quarter, file.folderProblem()),
                            table.place(line.number())));
                }
            }
            return out.iterator();
        }
        try (Reader r = open(file.uri())) {
            List<CsvRecords.Line> lines = new ArrayList<>();
            CsvHeader header = CsvHeader.of(file.name(), CsvRecords.read(file.name(), r, lines::add),
                    ReturnRowParser.REQUIRED, ReturnRowParser.OPTIONAL);
            for (CsvRecords.Line line : lines) {
                out.add(toRow(file, ReturnRowParser.parse(header, line, quarter, file.folderProblem()), null));
            }
        }
        return out.iterator();
    }

    /** @param place where a workbook row sits ("sheet indicators row 7"), or null for a CSV line */
    static Row toRow(ReturnFile file, ReturnRow r, String place) {
        List<Row> problems = new ArrayList<>(r.problems().size());
        for (Problem p : r.problems()) {
            problems.add(RowFactory.create(p.column(), p.reason(), p.rawValue()));
        }
        return RowFactory.create(r.sourceFile(), file.sha256(), r.returnPeriodKey(), Math.toIntExact(r.line()), r.rawLine(),
                blankToNull(r.indicatorRef()), r.periodText(), r.periodKey(), r.area(), r.actual(), r.rag(), r.trend(),
                r.dataStatus(), r.comment(), r.reportedBy(), CollectionConverters.asScala(problems).toSeq(), place);
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    static Reader open(String uri) throws IOException {
        return new BufferedReader(new InputStreamReader(openStream(uri), StandardCharsets.UTF_8), 1 << 16);
    }

    private static InputStream openStream(String uri) throws IOException {
        URI u = URI.create(uri);
        FileSystem fs = FileSystem.get(u, new Configuration());
        return fs.open(new org.apache.hadoop.fs.Path(u));
    }

    private static boolean isWorkbook(ReturnFile f) {
        return f.name().toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx");
    }

    private static List<String> known() {
        List<String> known = new ArrayList<>(ReturnRowParser.REQUIRED);
        known.addAll(ReturnRowParser.OPTIONAL);
        return known;
    }

    /** Lets the CSV parser see just the header line when checking it on the driver. */
    private static final class FirstLineOnly extends Reader {
        private final Reader in;
        private boolean done;

        FirstLineOnly(Reader in) {
            this.in = in;
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            if (done) {
                return -1;
            }
            int c = in.read();
            if (c == -1) {
                return -1;
            }
            if (c == '\n') {
                done = true;
            }
            buf[off] = (char) c;
            return 1;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
