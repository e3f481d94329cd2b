package io.trajectory.etl.definitions;

import io.trajectory.etl.read.CsvHeader;
import io.trajectory.etl.read.CsvRecords;
import io.trajectory.etl.validate.Cells;
import io.trajectory.etl.validate.Problem;

import java.util.List;

/** Reads one line of {@code definitions/comparison_groups.csv}: a group and one of its members. */
final class GroupRowParser {

    static final List<String> REQUIRED = List.of("group", "area");
    static final List<String> OPTIONAL = List.of();

    private GroupRowParser() {
    }

    static GroupMember parse(CsvHeader h, CsvRecords.Line line, List<Problem> problems) {
        List<String> c = line.cells();
        String group = Cells.required("group", h.get(c, "group").replaceAll("\\s+", " "), problems);
        String area = h.get(c, "area");
        if (area.isEmpty()) {
            problems.add(Problem.of("area", "area is blank: each row names one member of the group", ""));
        }
        return new GroupMember(group, area, h.file(), line.number());
    }
}
