package io.trajectory.api.refresh;

import io.trajectory.api.chart.VegaLite.Axis;
import io.trajectory.api.chart.VegaLite.Encoding;
import io.trajectory.api.chart.VegaLite.Field;
import io.trajectory.api.chart.VegaLite.Legend;
import io.trajectory.api.chart.VegaLite.Mark;
import io.trajectory.api.chart.VegaLite.Scale;
import io.trajectory.api.chart.VegaLite.Spec;
import io.trajectory.warehouse.rating.Rating;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The refresh history's chart, for the answer and the admin page. */
public final class RefreshChart {

    private RefreshChart() {
    }

    /** Each refresh as a bar of how long it took, coloured by how it ended. */
    public static Spec of(List<RefreshRun> runs) {
        List<Map<String, Object>> values = new ArrayList<>();
        for (RefreshRun r : runs) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("started", r.startedAt().toString());
            v.put("seconds", r.endedAt() == null ? null : (r.endedAt().toEpochMilli() - r.startedAt().toEpochMilli()) / 1000.0);
            v.put("outcome", r.outcome());
            v.put("trigger", r.trigger());
            v.put("rowsLoaded", r.rowsLoaded());
            v.put("message", r.message());
            values.add(v);
        }
        Field started = Field.ordinal("started", "Started (UTC)").withAxis(Axis.labels(-45, null));
        Field seconds = Field.quantitative("seconds", "Duration (seconds)");
        Spec bars = Spec.builder()
                .mark(Mark.of("bar"))
                .encoding(Encoding.builder()
                        .x(started)
                        .y(seconds)
                        .color(Field.nominal("outcome", "Outcome").withScale(Scale.mapping(
                                List.of("PUBLISHED", "UNCHANGED", "RUNNING", "FAILED"),
                                List.of(Rating.GREEN.colour(), Rating.NOT_AVAILABLE.colour(), Rating.AMBER.colour(),
                                        Rating.RED.colour()))).withLegend(Legend.titled("Outcome")))
                        .tooltip(Field.ordinal("started", "Started"), Field.nominal("trigger", "Trigger"),
                                Field.nominal("outcome", "Outcome"), Field.quantitative("rowsLoaded", "Rows loaded"),
                                Field.nominal("message", "Message"))
                        .build())
                .build();
        // the outcome in words on each bar, so it never rests on colour alone
        Spec labels = Spec.builder()
                .mark(Mark.of("text").withColor("#111111").withBaseline("bottom"))
                .encoding(Encoding.builder().x(started).y(seconds).text(Field.nominal("outcome", "Outcome")).build())
                .build();
        return Spec.builder().topLevel()
                .title("Refreshes of the warehouse", "How long each took, and how it ended; a failed refresh "
                        + "leaves the previous snapshot serving.")
                .values(values)
                .layer(bars, labels)
                .size(Map.of("step", 60), 220)
                .build();
    }
}
