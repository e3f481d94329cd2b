package io.trajectory.etl.job;

import io.trajectory.warehouse.period.FiscalQuarter;
import org.apache.commons.csv.CSVFormat;
import org.apache.spark.sql.SparkSession;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starts the Spark session a load runs on: {@code local[*]} by default, or any cluster master. */
final class SparkSessions {

    private SparkSessions() {
    }

    static SparkSession start(LoadOptions options) {
        SparkSession.Builder b = SparkSession.builder()
                .appName("trajectory-etl")
                .master(options.master())
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false")
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.sql.shuffle.partitions", String.valueOf(options.shufflePartitions()))
                .config("spark.sql.parquet.compression.codec", "zstd");
        if (options.master().startsWith("local")) {
            // One machine: stay on loopback rather than resolve the host name on the network.
            b.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
        } else {
            // Executors on a cluster need our classes: the ETL, the domain rules, the CSV parser and
            // POI for .xlsx returns (Spark ships POI's commons-io, -compress, -collections4 and -math3).
            List<String> jars = jobJars();
            if (!jars.isEmpty()) {
                b.config("spark.jars", String.join(",", jars));
            }
        }
        for (Map.Entry<String, String> e : options.sparkConf().entrySet()) {
            b.config(e.getKey(), e.getValue());
        }
        SparkSession spark = b.getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        return spark;
    }

    /** The jars that hold the code executors run, found from where the classes were loaded. */
    static List<String> jobJars() {
        List<String> jars = new ArrayList<>();
        for (Class<?> c : List.of(LoadJob.class, FiscalQuarter.class, CSVFormat.class, org.apache.poi.ss.usermodel.Workbook.class,
                org.apache.poi.xssf.usermodel.XSSFWorkbook.class, org.apache.xmlbeans.XmlObject.class,
                org.openxmlformats.schemas.spreadsheetml.x2006.main.CTWorkbook.class, com.zaxxer.sparsebits.SparseBitSet.class)) {
            try {
                Path p = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
                if (Files.isRegularFile(p)) {
                    jars.add(p.toUri().toString());
                }
            } catch (URISyntaxException | RuntimeException e) {
                // not loaded from a jar (e.g. an IDE's classes folder): nothing to ship
            }
        }
        return jars;
    }
}
