package io.trajectory.api.web;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import io.trajectory.api.chart.VegaLite;

import java.util.List;

/**
 * Every answer: the data, a Vega-Lite v5 chart of it that renders as is, and what it was computed
 * from. As JSON it is those three; as an extract (CSV, Arrow; {@link ExtractWriters}) it is its
 * {@link #table()}: the data itself, or for a composite answer the table of it that was asked for.
 */
@Serdeable
public record Answer<T>(T data, VegaLite.Spec chart, Meta meta,
        @JsonIgnore @Schema(hidden = true) Table<?> table) implements Extract {

    @Override
    @JsonIgnore
    public Integer snapshotVersion() {
        return meta == null ? null : meta.snapshotVersion();
    }

    /** An answer whose data is a list of rows, and whose extract is those rows. */
    public static <R extends Record> Answer<List<R>> of(List<R> rows, Class<R> type, String name, VegaLite.Spec chart,
            Meta meta) {
        return new Answer<>(rows, chart, meta, new Table<>(name, type, rows));
    }
}
