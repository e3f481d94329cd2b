package io.trajectory.etl.returns;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_compact;
import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lpad;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

/**
 * The validate layer for returns: checks that need more than one row, each adding to a row's
 * {@code problems}. A row with any problem goes to quarantine whole; the rest are loaded.
 */
public final class ReturnsValidation {

    private ReturnsValidation() {
    }

    /**
     * Flags rows whose indicator is not in the register at all, or has no version in force for
     * the row's period.
     *
     * @param versions indicator versions: {@code indicator_ref, valid_from_key, valid_to_key}
     */
    public static Dataset<Row> withIndicatorChecks(Dataset<Row> rows, Dataset<Row> versions) {
        Dataset<Row> known = versions.groupBy(col("indicator_ref").as("known_ref"))
                .agg(min("valid_from_key").as("first_valid_from_key"));
        Dataset<Row> inForce = versions.select(col("indicator_ref").as("version_ref"),
                col("valid_from_key").as("version_from"), col("valid_to_key").as("version_to"));
        Column checkable = col("indicator_ref").isNotNull().and(col("period_key").isNotNull());
        Column unknown = when(checkable.and(col("known_ref").isNull()),
                problem(lit("indicator_ref"),
                        concat(lit("unknown indicator '"), col("indicator_ref"), lit("': not in definitions/indicators.csv")),
                        col("indicator_ref")));
        Column notInForce = when(checkable.and(col("known_ref").isNotNull()).and(col("version_ref").isNull()),
                problem(lit("period"),
                        concat(lit("indicator "), col("indicator_ref"), lit(" is not in force in "), label(col("period_key")),
                                lit(" (the register has it from "), label(col("first_valid_from_key")), lit(")")),
                        col("period_text")));
        return rows
                .join(broadcast(known), col("indicator_ref").equalTo(col("known_ref")), "left")
                .join(broadcast(inForce), col("indicator_ref").equalTo(col("version_ref"))
                        .and(col("period_key").geq(col("version_from")))
                        .and(col("version_to").isNull().or(col("period_key").lt(col("version_to")))), "left")
                .withColumn("problems", array_compact(concat(col("problems"), array(unknown, notInForce))))
                .drop("known_ref", "first_valid_from_key", "version_ref", "version_from", "version_to");
    }

    /**
     * Flags repeated rows for the same indicator, area and period within one return file:
     * exact repeats keep the first and quarantine the rest; rows that disagree are all
     * quarantined, because choosing one would be a guess.
     */
    public static Dataset<Row> withDuplicateChecks(Dataset<Row> rows) {
        WindowSpec same = Window.partitionBy("source_file", "indicator_ref", "area_code", "period_key", "is_clean");
        Column content = concat_ws("\u0001",
                coalesce(col("actual").cast("string"), lit("")), coalesce(col("rag"), lit("")),
                coalesce(col("officer_trend"), lit("")), coalesce(col("data_status"), lit("")),
                coalesce(col("comment"), lit("")), coalesce(col("reported_by"), lit("")));
        Column area = when(col("area_code").equalTo(""), lit("(whole authority)")).otherwise(col("area_code"));
        Column duplicate = array(problem(lit(null).cast("string"),
                concat(lit("duplicate of line "), col("first_line").cast("string")), lit(null).cast("string")));
        Column conflicting = array(problem(lit(null).cast("string"),
                concat(lit("conflicting rows for "), col("indicator_ref"), lit(" "), area, lit(" in "), label(col("period_key")),
                        lit(" at lines "), col("lines"), lit(": correct the return so it has one")),
                lit(null).cast("string")));
        return rows
                .withColumn("is_clean", size(col("problems")).equalTo(0))
                .withColumn("copies", count(lit(1)).over(same))
                .withColumn("first_line", min("source_line").over(same))
                .withColumn("contents", size(collect_set(content).over(same)))
                .withColumn("lines", array_join(sort_array(collect_list("source_line").over(same)), ", "))
                .withColumn("problems",
                        when(col("is_clean").and(col("copies").gt(1)).and(col("contents").gt(1)), conflicting)
                                .when(col("is_clean").and(col("copies").gt(1)).and(col("source_line").notEqual(col("first_line"))), duplicate)
                                .otherwise(col("problems")))
                .drop("is_clean", "copies", "first_line", "contents", "lines");
    }

    /** Rows with no problem, in the lake's shape. */
    public static Dataset<Row> valid(Dataset<Row> rows) {
        return rows.filter(size(col("problems")).equalTo(0)).select(
                col("indicator_ref"), col("period_key"), col("area_code"), col("area_code").as("area_name"),
                col("actual"), col("rag"), col("officer_trend"), col("data_status"), col("comment"), col("reported_by"),
                col("source_file"), col("source_line"), col("source_sha256"), col("return_period_key"));
    }

    /** One quarantine row per problem, keeping the whole raw row; a workbook row's reason names its sheet and row. */
    public static Dataset<Row> quarantine(Dataset<Row> rows) {
        Column reason = when(col("source_place").isNull(), col("p.reason"))
                .otherwise(concat(col("source_place"), lit(": "), col("p.reason")));
        return rows.filter(size(col("problems")).gt(0))
                .select(col("source_file"), col("source_line"), explode(col("problems")).as("p"), col("raw_line"),
                        col("return_period_key"), col("source_place"))
                .select(col("source_file"), col("source_line").cast("long").as("line"), col("p.column_name").as("column_name"),
                        reason.as("reason"), col("p.raw_value").as("raw_value"), col("raw_line"),
                        col("return_period_key"));
    }

    static Column problem(Column column, Column reason, Column rawValue) {
        return struct(column.as("column_name"), reason.as("reason"), rawValue.as("raw_value"));
    }

    /** The canonical label of a period key, 20071 -> '2007/08 Q1'. */
    static Column label(Column key) {
        Column year = floor(key.divide(10)).cast("int");
        return concat(year.cast("string"), lit("/"), lpad(year.plus(1).mod(100).cast("string"), 2, "0"), lit(" Q"),
                key.mod(10).cast("string"));
    }
}
