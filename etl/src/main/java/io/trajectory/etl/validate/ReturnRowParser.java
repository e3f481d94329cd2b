package io.trajectory.etl.validate;

import io.trajectory.etl.read.CsvHeader;
import io.trajectory.etl.read.CsvRecords;
import io.trajectory.warehouse.period.FiscalQuarter;
import io.trajectory.warehouse.rating.Rating;
import io.trajectory.warehouse.trajectory.DirectionOfTravel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads one line of a return's {@code indicators.csv} into a {@link ReturnRow}. */
public final class ReturnRowParser {

    public static final List<String> REQUIRED = List.of("indicator_ref", "period");
    public static final List<String> OPTIONAL = List.of(
            "area", "actual", "rag", "trend", "data_status", "comment", "reported_by");

    private ReturnRowParser() {
    }

    /**
     * @param returnQuarter the quarter of the return folder, or null when the folder is not a
     *                      quarter (then every row is quarantined with {@code folderProblem})
     */
    public static ReturnRow parse(CsvHeader header, CsvRecords.Line line, FiscalQuarter returnQuarter, String folderProblem) {
        List<Problem> problems = new ArrayList<>();
        List<String> cells = line.cells();
        if (folderProblem != null) {
            problems.add(Problem.of(null, folderProblem, null));
        }
        if (cells.size() > header.width()) {
            problems.add(Problem.of(null, "row has " + cells.size() + " cells but the header has " + header.width()
                    + " (an unquoted comma?)", null));
        }
        String ref = Cells.required("indicator_ref", header.get(cells, "indicator_ref"), problems);
        String periodText = header.get(cells, "period");
        FiscalQuarter period = Cells.period("period", periodText, true, problems);
        if (period != null && returnQuarter != null && period.isAfter(returnQuarter)) {
            problems.add(Problem.of("period", "figure for " + period + " in the " + returnQuarter
                    + " return: a return may report its own quarter or restate an earlier one, not a later one", periodText));
        }
        String area = header.get(cells, "area").replaceAll("\\s+", " ");
        Double actual = Cells.number("actual", header.get(cells, "actual"), problems);
        Rating rag = Cells.choice("rag", header.get(cells, "rag"), t -> Rating.parse(t).orElse(null), problems);
        DirectionOfTravel trend = Cells.choice("trend", header.get(cells, "trend"), t -> DirectionOfTravel.parse(t).orElse(null), problems);
        String status = Cells.choice("data_status", header.get(cells, "data_status"), ReturnRowParser::dataStatus, problems);
        if ("NOT_AVAILABLE".equals(status) && rag != null && rag.hasData()) {
            problems.add(Problem.of("rag", "rated " + rag + " but data_status says NOT_AVAILABLE", header.get(cells, "rag")));
        }
        String comment = header.get(cells, "comment");
        return new ReturnRow(header.file(), returnQuarter == null ? null : returnQuarter.key(), line.number(), line.raw(),
                ref, periodText, period == null ? null : period.key(), area, actual,
                "NOT_AVAILABLE".equals(status) && rag == null ? Rating.NOT_AVAILABLE.name() : rag == null ? null : rag.name(),
                trend == null ? null : trend.name(), status,
                comment.isEmpty() ? null : comment, emptyToNull(header.get(cells, "reported_by")), List.copyOf(problems));
    }

    static String dataStatus(String text) {
        String s = text.toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
        return switch (s) {
            case "REPORTED", "NOT_AVAILABLE", "PROVISIONAL" -> s;
            default -> throw new IllegalArgumentException("Unrecognised data_status '" + text
                    + "'; expected REPORTED, NOT_AVAILABLE, PROVISIONAL or blank");
        };
    }

    private static String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }
}
