package io.trajectory.etl.definitions;

import io.trajectory.etl.read.CsvHeader;
import io.trajectory.etl.read.CsvRecords;
import io.trajectory.etl.validate.Cells;
import io.trajectory.etl.validate.Problem;
import io.trajectory.warehouse.period.FiscalQuarter;

import java.util.List;

/** Reads one line of {@code definitions/trajectories.csv}. */
final class TrajectoryRowParser {

    static final List<String> REQUIRED = List.of("indicator_ref", "period");
    static final List<String> OPTIONAL = List.of("area", "planned_value", "stretch_planned_value");

    private TrajectoryRowParser() {
    }

    static PlannedValue parse(CsvHeader h, CsvRecords.Line line, List<Problem> problems) {
        List<String> c = line.cells();
        String ref = Cells.required("indicator_ref", h.get(c, "indicator_ref"), problems);
        FiscalQuarter period = Cells.period("period", h.get(c, "period"), true, problems);
        Double planned = Cells.number("planned_value", h.get(c, "planned_value"), problems);
        Double stretch = Cells.number("stretch_planned_value", h.get(c, "stretch_planned_value"), problems);
        if (planned == null && stretch == null && problems.isEmpty()) {
            problems.add(Problem.of(null, "neither planned_value nor stretch_planned_value is given", null));
        }
        return new PlannedValue(ref, h.get(c, "area"), period, planned, stretch, h.file(), line.number());
    }
}
