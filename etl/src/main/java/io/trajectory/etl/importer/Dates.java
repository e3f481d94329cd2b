package io.trajectory.etl.importer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/** Dates and months as exports write them. */
final class Dates {

    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE, formatter("d/M/uuuu"), formatter("d MMM uuuu"), formatter("d MMMM uuuu"),
            formatter("d-MMM-uuuu"));
    private static final List<DateTimeFormatter> MONTHS = List.of(
            formatter("uuuu-MM"), formatter("uuuu-M"), formatter("MMM uuuu"), formatter("MMMM uuuu"), formatter("MM/uuuu"),
            formatter("M/uuuu"), formatter("MMM-uu"), formatter("MMM-uuuu"), formatter("MMMM-uuuu"), formatter("uuuu MMM"));

    static final String MONTH_FORMS = "2014-07, Jul 2014, July 2014, 07/2014, Jul-14 or a date";

    private Dates() {
    }

    private static DateTimeFormatter formatter(String pattern) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern).toFormatter(Locale.UK);
    }

    /** The date, or null when the text is not one of the accepted forms. An ISO date-time counts by its date. */
    static LocalDate date(String text) {
        String s = text.strip();
        if (s.matches("\\d{4}-\\d{2}-\\d{2}[T ].*")) {
            s = s.substring(0, 10);
        }
        for (DateTimeFormatter f : DATES) {
            try {
                return LocalDate.parse(s, f);
            } catch (DateTimeParseException notThisForm) {
                // try the next
            }
        }
        return null;
    }

    /** The month, or null when the text is not a month (a full date counts by its month). */
    static YearMonth month(String text) {
        String s = text.strip().replaceAll("\\s+", " ");
        for (DateTimeFormatter f : MONTHS) {
            try {
                return YearMonth.parse(s, f);
            } catch (DateTimeParseException notThisForm) {
                // try the next
            }
        }
        LocalDate d = date(s);
        return d == null ? null : YearMonth.from(d);
    }

    /** An ISO instant, or a date taken as its midnight UTC; null when neither. */
    static Instant instant(String text) {
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            LocalDate d = date(text);
            return d == null ? null : d.atStartOfDay(ZoneOffset.UTC).toInstant();
        }
    }
}
