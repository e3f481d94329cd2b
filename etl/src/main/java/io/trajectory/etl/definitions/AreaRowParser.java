package io.trajectory.etl.definitions;

import io.trajectory.etl.read.CsvHeader;
import io.trajectory.etl.read.CsvRecords;
import io.trajectory.etl.validate.Cells;
import io.trajectory.etl.validate.Problem;

import java.util.List;

/** Reads one line of {@code definitions/areas.csv}. */
final class AreaRowParser {

    static final List<String> REQUIRED = List.of("area");
    static final List<String> OPTIONAL = List.of("area_name", "parent_area", "area_type");

    private AreaRowParser() {
    }

    static AreaDefinition parse(CsvHeader h, CsvRecords.Line line, List<Problem> problems) {
        List<String> c = line.cells();
        String code = Cells.required("area", h.get(c, "area"), problems);
        String name = h.get(c, "area_name").replaceAll("\\s+", " ");
        String type = h.get(c, "area_type").replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
        return new AreaDefinition(code, name.isEmpty() ? code : name, h.get(c, "parent_area"),
                type.isEmpty() ? "area" : type, h.file(), line.number());
    }
}
