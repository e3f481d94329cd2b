package io.trajectory.etl.returns;

import io.trajectory.etl.landing.LandingZoneException;
import io.trajectory.etl.read.CsvHeader;
import io.trajectory.etl.read.CsvRecords;
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
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The read layer for returns: one Spark task per {@code indicators.csv}, parsed with Commons CSV
 * so every row keeps the line it came from, and each cell typed by {@link ReturnRowParser}.
 * Spark's own CSV source cannot tell line numbers, and quarantine must name them.
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
            .add("problems", DataTypes.createArrayType(PROBLEM), false);

    private ReturnsReader() {
    }

    /** Checks every file's header on the driver first, so a missing column stops the load before Spark starts. */
    public static void checkHeaders(List<ReturnFile> files) {
        for (ReturnFile f : files) {
            try (Reader r = open(f.uri())) {
                CsvHeader.of(f.name(), CsvRecords.read(f.name(), new FirstLineOnly(r), line -> { }),
                        ReturnRowParser.REQUIRED, ReturnRowParser.OPTIONAL);
            } catch (IOException e) {
                throw new LandingZoneException("cannot read " + f.name() + ": " + e.getMessage(), e);
            }
        }
    }

    public static Dataset<Row> read(SparkSession spark, List<ReturnFile> files) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        JavaRDD<Row> rows = jsc.parallelize(files, Math.max(1, files.size())).flatMap(ReturnsReader::rowsOf);
        return spark.createDataFrame(rows, SCHEMA);
    }

    static Iterator<Row> rowsOf(ReturnFile file) throws IOException {
        List<Row> out = new ArrayList<>();
        FiscalQuarter quarter = file.returnPeriodKey() == null ? null : FiscalQuarter.ofKey(file.returnPeriodKey());
        try (Reader r = open(file.uri())) {
            List<CsvRecords.Line> lines = new ArrayList<>();
            CsvHeader header = CsvHeader.of(file.name(), CsvRecords.read(file.name(), r, lines::add),
                    ReturnRowParser.REQUIRED, ReturnRowParser.OPTIONAL);
            for (CsvRecords.Line line : lines) {
                out.add(toRow(file, ReturnRowParser.parse(header, line, quarter, file.folderProblem())));
            }
        }
        return out.iterator();
    }

    static Row toRow(ReturnFile file, ReturnRow r) {
        List<Row> problems = new ArrayList<>(r.problems().size());
        for (Problem p : r.problems()) {
            problems.add(RowFactory.create(p.column(), p.reason(), p.rawValue()));
        }
        return RowFactory.create(r.sourceFile(), file.sha256(), r.returnPeriodKey(), Math.toIntExact(r.line()), r.rawLine(),
                blankToNull(r.indicatorRef()), r.periodText(), r.periodKey(), r.area(), r.actual(), r.rag(), r.trend(),
                r.dataStatus(), r.comment(), r.reportedBy(), CollectionConverters.asScala(problems).toSeq());
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    static Reader open(String uri) throws IOException {
        URI u = URI.create(uri);
        FileSystem fs = FileSystem.get(u, new Configuration());
        return new BufferedReader(new InputStreamReader(fs.open(new org.apache.hadoop.fs.Path(u)), StandardCharsets.UTF_8),
                1 << 16);
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
