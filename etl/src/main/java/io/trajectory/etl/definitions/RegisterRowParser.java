package io.trajectory.etl.definitions;

import io.trajectory.etl.read.CsvHeader;
import io.trajectory.etl.read.CsvRecords;
import io.trajectory.etl.validate.Cells;
import io.trajectory.etl.validate.Problem;
import io.trajectory.warehouse.indicator.Accumulation;
import io.trajectory.warehouse.indicator.MeasureUnit;
import io.trajectory.warehouse.indicator.Polarity;
import io.trajectory.warehouse.indicator.ReportingFrequency;
import io.trajectory.warehouse.indicator.ReportingSchedule;
import io.trajectory.warehouse.period.FiscalQuarter;

import java.util.List;
import java.util.Locale;

/** Reads one line of {@code definitions/indicators.csv}. */
final class RegisterRowParser {

    static final List<String> REQUIRED = List.of(
            "indicator_ref", "title", "theme", "polarity", "unit", "accumulation", "valid_from");
    static final List<String> OPTIONAL = List.of(
            "ni_code", "baseline_period", "baseline_value", "target_period", "target_value", "stretch_target_value",
            "reward_target", "responsible_officer", "frequency", "due_quarter");

    private RegisterRowParser() {
    }

    static IndicatorVersion parse(CsvHeader h, CsvRecords.Line line, List<Problem> problems) {
        List<String> c = line.cells();
        if (c.size() > h.width()) {
            problems.add(Problem.of(null, "row has " + c.size() + " cells but the header has " + h.width()
                    + " (an unquoted comma?)", null));
        }
        String ref = Cells.required("indicator_ref", h.get(c, "indicator_ref"), problems);
        String title = Cells.required("title", h.get(c, "title"), problems);
        String theme = Cells.required("theme", h.get(c, "theme"), problems).replaceAll("\\s+", " ");
        Polarity polarity = Cells.choiceRequired("polarity", h.get(c, "polarity"), Polarity::parse, problems);
        MeasureUnit unit = Cells.choiceRequired("unit", h.get(c, "unit"), MeasureUnit::parse, problems);
        Accumulation acc = Cells.choiceRequired("accumulation", h.get(c, "accumulation"), Accumulation::parse, problems);
        FiscalQuarter baselinePeriod = Cells.period("baseline_period", h.get(c, "baseline_period"), false, problems);
        Double baseline = Cells.number("baseline_value", h.get(c, "baseline_value"), problems);
        FiscalQuarter targetPeriod = Cells.period("target_period", h.get(c, "target_period"), false, problems);
        Double target = Cells.number("target_value", h.get(c, "target_value"), problems);
        Double stretch = Cells.number("stretch_target_value", h.get(c, "stretch_target_value"), problems);
        FiscalQuarter validFrom = Cells.period("valid_from", h.get(c, "valid_from"), true, problems);
        Boolean reward = Cells.choice("reward_target", h.get(c, "reward_target"), RegisterRowParser::yesNo, problems);
        ReportingSchedule schedule = schedule(h.get(c, "frequency"), h.get(c, "due_quarter"), problems);
        if (baseline != null && baselinePeriod == null) {
            problems.add(Problem.of("baseline_period", "baseline_value is given but baseline_period is blank", ""));
        }
        if ((target != null || stretch != null) && targetPeriod == null) {
            problems.add(Problem.of("target_period", "a target is given but target_period is blank", ""));
        }
        String ni = h.get(c, "ni_code");
        String officer = h.get(c, "responsible_officer").replaceAll("\\s+", " ");
        return new IndicatorVersion(ref, 0, ni.isEmpty() ? null : ni, title, theme, polarity, unit, acc, schedule,
                baselinePeriod,
                baseline, targetPeriod, target, stretch, Boolean.TRUE.equals(reward), officer.isEmpty() ? null : officer,
                validFrom, null, h.file(), line.number());
    }

    /**
     * {@code frequency} (blank = QUARTERLY) and {@code due_quarter} (ANNUAL only; blank = Q4). A
     * due quarter for an indicator due every quarter contradicts its frequency and is refused
     * rather than ignored, so a register that meant ANNUAL says so.
     */
    static ReportingSchedule schedule(String frequencyText, String dueText, List<Problem> problems) {
        ReportingFrequency frequency = frequencyText.isEmpty() ? ReportingFrequency.QUARTERLY
                : Cells.choice("frequency", frequencyText, ReportingFrequency::parse, problems);
        Integer due = Cells.choice("due_quarter", dueText, ReportingSchedule::parseDueQuarter, problems);
        if (frequency == null) {
            return ReportingSchedule.QUARTERLY; // the row is quarantined for its frequency
        }
        if (due != null && frequency != ReportingFrequency.ANNUAL) {
            problems.add(Problem.of("due_quarter", "due_quarter '" + dueText + "' is only for ANNUAL indicators; a "
                    + frequency + " indicator is due every quarter (set frequency to ANNUAL, or leave due_quarter blank)",
                    dueText));
            return ReportingSchedule.of(frequency, null);
        }
        return ReportingSchedule.of(frequency, due);
    }

    static Boolean yesNo(String text) {
        return switch (text.toUpperCase(Locale.ROOT)) {
            case "Y", "YES", "TRUE", "1" -> true;
            case "N", "NO", "FALSE", "0" -> false;
            default -> throw new IllegalArgumentException("Unrecognised reward_target '" + text + "'; expected Y, N or blank");
        };
    }
}
