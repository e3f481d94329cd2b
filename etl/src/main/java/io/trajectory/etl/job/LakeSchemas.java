package io.trajectory.etl.job;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Shapes of the lake tables the driver builds from Java values (the publish SQL reads these). */
final class LakeSchemas {

    static final StructType DIM_INDICATOR = new StructType()
            .add("indicator_ref", DataTypes.StringType, false)
            .add("version", DataTypes.IntegerType, false)
            .add("ni_code", DataTypes.StringType)
            .add("title", DataTypes.StringType, false)
            .add("theme", DataTypes.StringType, false)
            .add("polarity", DataTypes.StringType, false)
            .add("unit", DataTypes.StringType, false)
            .add("accumulation", DataTypes.StringType, false)
            .add("frequency", DataTypes.StringType, false)
            .add("due_quarter", DataTypes.IntegerType)
            .add("baseline_period_key", DataTypes.IntegerType)
            .add("baseline_value", DataTypes.DoubleType)
            .add("target_period_key", DataTypes.IntegerType)
            .add("target_value", DataTypes.DoubleType)
            .add("stretch_target_value", DataTypes.DoubleType)
            .add("is_reward_target", DataTypes.BooleanType, false)
            .add("responsible_officer", DataTypes.StringType)
            .add("valid_from_key", DataTypes.IntegerType, false)
            .add("valid_to_key", DataTypes.IntegerType)
            .add("source_file", DataTypes.StringType, false)
            .add("source_line", DataTypes.IntegerType, false);

    /** Explicit planned values (definitions/trajectories.csv); area_code '' = the whole authority. */
    static final StructType FACT_PLANNED_VALUE = new StructType()
            .add("indicator_ref", DataTypes.StringType, false)
            .add("area_code", DataTypes.StringType, false)
            .add("period_key", DataTypes.IntegerType, false)
            .add("planned_value", DataTypes.DoubleType)
            .add("stretch_planned_value", DataTypes.DoubleType)
            .add("source_file", DataTypes.StringType, false)
            .add("source_line", DataTypes.IntegerType, false);

    /** Areas' own plans (definitions/area_targets.csv), one row per version. */
    static final StructType DIM_PLAN = new StructType()
            .add("indicator_ref", DataTypes.StringType, false)
            .add("area_code", DataTypes.StringType, false)
            .add("version", DataTypes.IntegerType, false)
            .add("baseline_period_key", DataTypes.IntegerType)
            .add("baseline_value", DataTypes.DoubleType)
            .add("target_period_key", DataTypes.IntegerType)
            .add("target_value", DataTypes.DoubleType)
            .add("stretch_target_value", DataTypes.DoubleType)
            .add("valid_from_key", DataTypes.IntegerType, false)
            .add("valid_to_key", DataTypes.IntegerType)
            .add("source_file", DataTypes.StringType, false)
            .add("source_line", DataTypes.IntegerType, false);

    /**
     * Every area known to the lake: those listed in definitions/areas.csv and those reported in
     * any return so far (carried from batch to batch).
     */
    static final StructType DIM_AREA = new StructType()
            .add("area_code", DataTypes.StringType, false)
            .add("area_name", DataTypes.StringType, false)
            .add("parent_area_code", DataTypes.StringType)
            .add("area_type", DataTypes.StringType, false)
            .add("is_listed", DataTypes.BooleanType, false)
            .add("is_reported", DataTypes.BooleanType, false);

    /** Members of comparison groups (definitions/comparison_groups.csv). */
    static final StructType BRIDGE_COMPARISON_GROUP = new StructType()
            .add("group_name", DataTypes.StringType, false)
            .add("area_code", DataTypes.StringType, false)
            .add("source_file", DataTypes.StringType, false)
            .add("source_line", DataTypes.IntegerType, false);

    static final StructType FACT_COMMITMENT_RETURN = new StructType()
            .add("commitment_ref", DataTypes.StringType, false)
            .add("item", DataTypes.IntegerType, false)
            .add("priority", DataTypes.StringType)
            .add("achieve", DataTypes.StringType)
            .add("responsible_officer", DataTypes.StringType)
            .add("status_text", DataTypes.StringType)
            .add("rating", DataTypes.StringType, false)
            .add("stated_previous_rating", DataTypes.StringType)
            .add("stated_previous_period_key", DataTypes.IntegerType)
            .add("comment", DataTypes.StringType)
            .add("section", DataTypes.StringType)
            .add("source_file", DataTypes.StringType, false)
            .add("source_line", DataTypes.IntegerType, false)
            .add("source_sha256", DataTypes.StringType, false)
            .add("return_period_key", DataTypes.IntegerType, false);

    static final StructType META_RETURN = new StructType()
            .add("return_period_key", DataTypes.IntegerType, false)
            .add("folder", DataTypes.StringType, false)
            .add("return_sha256", DataTypes.StringType, false)
            .add("is_signed_off", DataTypes.BooleanType, false)
            .add("signed_off_by", DataTypes.StringType)
            .add("signed_off_at", DataTypes.TimestampType);

    static final StructType META_SOURCE_FILE = new StructType()
            .add("source_file", DataTypes.StringType, false)
            .add("kind", DataTypes.StringType, false)
            .add("return_period_key", DataTypes.IntegerType)
            .add("sha256", DataTypes.StringType, false)
            .add("bytes", DataTypes.LongType, false)
            .add("rows_read", DataTypes.LongType, false)
            .add("rows_loaded", DataTypes.LongType, false)
            .add("rows_quarantined", DataTypes.LongType, false)
            .add("loaded_at", DataTypes.TimestampType, false);

    static final StructType META_QUARANTINE = new StructType()
            .add("source_file", DataTypes.StringType, false)
            .add("line", DataTypes.LongType)
            .add("column_name", DataTypes.StringType)
            .add("reason", DataTypes.StringType, false)
            .add("raw_value", DataTypes.StringType)
            .add("raw_line", DataTypes.StringType)
            .add("return_period_key", DataTypes.IntegerType);

    private LakeSchemas() {
    }
}
