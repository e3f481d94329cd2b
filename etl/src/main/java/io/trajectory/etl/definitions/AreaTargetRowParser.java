package io.trajectory.etl.definitions;

import io.trajectory.etl.read.CsvHeader;
import io.trajectory.etl.read.CsvRecords;
import io.trajectory.etl.validate.Cells;
import io.trajectory.etl.validate.Problem;
import io.trajectory.warehouse.period.FiscalQuarter;

import java.util.List;

/**
 * Reads one line of {@code definitions/area_targets.csv}: an area's own baseline and targets for
 * an indicator. A blank {@code valid_from} means from the indicator's first quarter in force; the
 * caller fills it in.
 */
final class AreaTargetRowParser {

    static final List<String> REQUIRED = List.of("indicator_ref", "area");
    static final List<String> OPTIONAL = List.of(
            "baseline_period", "baseline_value", "target_period", "target_value", "stretch_target_value", "valid_from");

    private AreaTargetRowParser() {
    }

    static AreaPlan parse(CsvHeader h, CsvRecords.Line line, List<Problem> problems) {
        List<String> c = line.cells();
        if (c.size() > h.width()) {
            problems.add(Problem.of(null, "row has " + c.size() + " cells but the header has " + h.width()
                    + " (an unquoted comma?)", null));
        }
        String ref = Cells.required("indicator_ref", h.get(c, "indicator_ref"), problems);
        String area = h.get(c, "area");
        if (area.isEmpty()) {
            problems.add(Problem.of("area", "area is blank: the whole authority's plan is the register's "
                    + "(definitions/indicators.csv); name the area this plan is for", ""));
        }
        FiscalQuarter baselinePeriod = Cells.period("baseline_period", h.get(c, "baseline_period"), false, problems);
        Double baseline = Cells.number("baseline_value", h.get(c, "baseline_value"), problems);
        FiscalQuarter targetPeriod = Cells.period("target_period", h.get(c, "target_period"), false, problems);
        Double target = Cells.number("target_value", h.get(c, "target_value"), problems);
        Double stretch = Cells.number("stretch_target_value", h.get(c, "stretch_target_value"), problems);
        FiscalQuarter validFrom = Cells.period("valid_from", h.get(c, "valid_from"), false, problems);
        if (baseline != null && baselinePeriod == null) {
            problems.add(Problem.of("baseline_period", "baseline_value is given but baseline_period is blank", ""));
        }
        if ((target != null || stretch != null) && targetPeriod == null) {
            problems.add(Problem.of("target_period", "a target is given but target_period is blank", ""));
        }
        if (baseline == null && target == null && stretch == null && problems.isEmpty()) {
            problems.add(Problem.of(null, "no baseline_value, target_value or stretch_target_value: a plan needs one", null));
        }
        return new AreaPlan(ref, area, 0, baselinePeriod, baseline, targetPeriod, target, stretch, validFrom, null,
                h.file(), line.number());
    }
}
