package io.trajectory.etl.returns;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import scala.jdk.javaapi.CollectionConverters;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The cross-row checks on a few in-memory rows, Spark local[1], no files. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReturnsValidationTest {

    SparkSession spark;

    @BeforeAll
    void start() {
        spark = SparkSession.builder().master("local[1]").appName("validation-test")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "1")
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
    }

    @AfterAll
    void stop() {
        spark.stop();
    }

    static Row row(int line, String ref, Integer period, String area, Double actual, String rag) {
        return RowFactory.create("returns/2007-08-Q2/indicators.csv", "sha", 20072, line, "raw " + line, ref,
                period == null ? "bad" : String.valueOf(period), period, area, actual, rag, null, null, null, null,
                CollectionConverters.asScala(new ArrayList<Row>()).toSeq(), null);
    }

    Dataset<Row> versions() {
        StructType schema = new StructType().add("indicator_ref", DataTypes.StringType)
                .add("valid_from_key", DataTypes.IntegerType).add("valid_to_key", DataTypes.IntegerType);
        return spark.createDataFrame(List.of(RowFactory.create("A", 20071, 20073), RowFactory.create("A", 20073, null),
                RowFactory.create("B", 20074, null)), schema);
    }

    List<String> reasons(Dataset<Row> checked) {
        return ReturnsValidation.quarantine(checked).orderBy("line").collectAsList().stream()
                .map(r -> r.getLong(1) + ": " + r.getString(3)).toList();
    }

    @Test
    void unknownIndicatorAndIndicatorNotYetInForceAreFlaggedAndKnownOnesPass() {
        Dataset<Row> rows = spark.createDataFrame(List.of(
                row(2, "A", 20072, "", 1.0, "GREEN"),
                row(3, "Z", 20072, "", 1.0, "GREEN"),
                row(4, "B", 20072, "", 1.0, "GREEN")), ReturnsReader.SCHEMA);
        Dataset<Row> checked = ReturnsValidation.withIndicatorChecks(rows, versions());
        assertThat(reasons(checked)).containsExactly(
                "3: unknown indicator 'Z': not in definitions/indicators.csv",
                "4: indicator B is not in force in 2007/08 Q2 (the register has it from 2007/08 Q4)");
        assertThat(ReturnsValidation.valid(checked).count()).isEqualTo(1);
    }

    @Test
    void exactRepeatKeepsTheFirstAndConflictingRowsAreAllQuarantined() {
        Dataset<Row> rows = spark.createDataFrame(List.of(
                row(2, "A", 20072, "", 5.0, "GREEN"),
                row(3, "A", 20072, "", 5.0, "GREEN"),
                row(4, "A", 20072, "North", 1.0, null),
                row(5, "A", 20072, "North", 2.0, null),
                row(6, "A", 20072, "South", 3.0, null)), ReturnsReader.SCHEMA);
        Dataset<Row> checked = ReturnsValidation.withDuplicateChecks(rows);
        assertThat(reasons(checked)).containsExactly(
                "3: duplicate of line 2",
                "4: conflicting rows for A North in 2007/08 Q2 at lines 4, 5: correct the return so it has one",
                "5: conflicting rows for A North in 2007/08 Q2 at lines 4, 5: correct the return so it has one");
        assertThat(ReturnsValidation.valid(checked).collectAsList()).extracting(r -> r.getInt(r.fieldIndex("source_line")))
                .containsExactlyInAnyOrder(2, 6);
    }

    @Test
    void rowsAlreadyFailingACellCheckAreNotCountedAsDuplicates() {
        Row bad = RowFactory.create("f", "sha", 20072, 3, "raw", "A", "x", 20072, "", null, null, null, null, null, null,
                CollectionConverters.asScala(List.of(RowFactory.create("actual", "actual 'x' is not a number", "x"))).toSeq(), null);
        Dataset<Row> rows = spark.createDataFrame(List.of(row(2, "A", 20072, "", 5.0, "GREEN"), bad), ReturnsReader.SCHEMA);
        assertThat(reasons(ReturnsValidation.withDuplicateChecks(rows))).containsExactly("3: actual 'x' is not a number");
    }
}
