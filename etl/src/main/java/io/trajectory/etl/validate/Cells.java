package io.trajectory.etl.validate;

import io.trajectory.warehouse.period.FiscalQuarter;
import io.trajectory.warehouse.period.PeriodFormatException;

import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Typed reading of single cells; each failure becomes a {@link Problem} naming the column. */
public final class Cells {

    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");

    private Cells() {
    }

    /** A number as people type it: {@code 1,234}, {@code 12.5%}, {@code £1,000}; blank gives null. */
    public static Double number(String column, String text, List<Problem> problems) {
        if (text.isEmpty()) {
            return null;
        }
        // Thousands may be grouped with commas or spaces ("10 310", typed as text in a spreadsheet).
        String s = text.replace(",", "").replace("£", "").replace("%", "")
                .replaceAll("(?<=\\d)[ \u00A0\u202F](?=\\d)", "").strip();
        if (!NUMBER.matcher(s).matches()) {
            problems.add(Problem.of(column, column + " '" + text + "' is not a number (leave it blank when there is no figure)", text));
            return null;
        }
        double v = Double.parseDouble(s);
        if (Double.isInfinite(v)) {
            problems.add(Problem.of(column, column + " '" + text + "' is out of range", text));
            return null;
        }
        return v;
    }

    public static FiscalQuarter period(String column, String text, boolean required, List<Problem> problems) {
        if (text.isEmpty()) {
            if (required) {
                problems.add(Problem.of(column, column + " is blank", text));
            }
            return null;
        }
        try {
            return FiscalQuarter.parse(text);
        } catch (PeriodFormatException e) {
            problems.add(Problem.of(column, e.getMessage(), text));
            return null;
        }
    }

    public static <T> T choice(String column, String text, Function<String, T> parse, List<Problem> problems) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return parse.apply(text);
        } catch (IllegalArgumentException e) {
            problems.add(Problem.of(column, e.getMessage(), text));
            return null;
        }
    }

    public static <T> T choiceRequired(String column, String text, Function<String, T> parse, List<Problem> problems) {
        if (text.isEmpty()) {
            problems.add(Problem.of(column, column + " is blank", text));
            return null;
        }
        return choice(column, text, parse, problems);
    }

    public static String required(String column, String text, List<Problem> problems) {
        if (text.isEmpty()) {
            problems.add(Problem.of(column, column + " is blank", text));
        }
        return text;
    }
}
