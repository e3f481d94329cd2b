package io.trajectory.warehouse.period;

import java.time.LocalDate;
import java.time.Month;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A quarter of the UK financial year, which runs from April to March: Q1 is April to June,
 * Q2 July to September, Q3 October to December and Q4 January to March of the following
 * calendar year.
 *
 * <p>The canonical text is {@code 2007/08 Q1}; {@link #parse} also accepts the spellings found
 * in council returns ({@code Q1 2007/08}, {@code Q1 07-08}, {@code 2007-08-Q1},
 * {@code 2007-08;Q1}, {@code Quarter 1 2007/08}, ...), and {@code toString()} parses back to the
 * same value. {@link #key()} is {@code fiscalYear * 10 + quarter} (20071) and {@link #ordinal()}
 * is {@code fiscalYear * 4 + quarter - 1}, which makes quarter arithmetic plain subtraction.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class FiscalQuarter implements Comparable<FiscalQuarter> {

    /** The forms accepted by {@link #parse}, for error messages. */
    public static final String ACCEPTED_FORMS =
            "2007/08 Q1, Q1 2007/08, Q1 07-08, 2007-08-Q1, 2007-08;Q1, Quarter 1 2007/08 or the key 20071";

    private static final int MIN_YEAR = 1900;
    private static final int MAX_YEAR = 2999;

    // A financial year written as two years: 2007/08, 2007-08, 2007/2008, 07-08, 07/08.
    private static final String YEAR = "(\\d{2}|\\d{4})\\s*[/-]\\s*(\\d{2}|\\d{4})";
    // A quarter: Q1, Qtr 1, Quarter 1.
    private static final String QUARTER = "(?:q|qtr\\.?|quarter)\\s*([1-9]\\d*)";
    private static final String SEP = "\\s*[\\s;,_-]\\s*";
    private static final Pattern YEAR_FIRST = Pattern.compile(YEAR + SEP + QUARTER, Pattern.CASE_INSENSITIVE);
    private static final Pattern QUARTER_FIRST = Pattern.compile(QUARTER + SEP + YEAR, Pattern.CASE_INSENSITIVE);
    private static final Pattern KEY = Pattern.compile("(\\d{4})([1-9])");
    // Word processors turn spaces into non-breaking ones and hyphens into dashes.
    private static final Pattern ODD_SPACES = Pattern.compile("[\\u00A0\\u2007\\u202F]");
    private static final Pattern ODD_DASHES = Pattern.compile("[\\u2010-\\u2015\\u2212]");

    private final int fiscalYear;
    private final int quarter;

    private FiscalQuarter(int fiscalYear, int quarter) {
        this.fiscalYear = fiscalYear;
        this.quarter = quarter;
    }

    /**
     * @param fiscalYear the calendar year in which the financial year starts (2007 for 2007/08)
     * @param quarter    1 to 4
     */
    public static FiscalQuarter of(int fiscalYear, int quarter) {
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("quarter must be 1 to 4, not " + quarter);
        }
        if (fiscalYear < MIN_YEAR || fiscalYear > MAX_YEAR) {
            throw new IllegalArgumentException("fiscal year must be " + MIN_YEAR + " to " + MAX_YEAR + ", not " + fiscalYear);
        }
        return new FiscalQuarter(fiscalYear, quarter);
    }

    /** The quarter with this key, e.g. 20071 for 2007/08 Q1. */
    public static FiscalQuarter ofKey(int key) {
        return of(key / 10, key % 10);
    }

    /** The quarter with this ordinal ({@code fiscalYear * 4 + quarter - 1}). */
    public static FiscalQuarter ofOrdinal(int ordinal) {
        return of(Math.floorDiv(ordinal, 4), Math.floorMod(ordinal, 4) + 1);
    }

    /** The financial quarter a date falls in. */
    public static FiscalQuarter containing(LocalDate date) {
        Objects.requireNonNull(date, "date");
        int month = date.getMonthValue();
        int fiscalYear = month >= Month.APRIL.getValue() ? date.getYear() : date.getYear() - 1;
        int quarter = month >= 4 ? (month - 4) / 3 + 1 : 4;
        return of(fiscalYear, quarter);
    }

    /**
     * Parses any accepted spelling of a financial quarter.
     *
     * @throws PeriodFormatException naming the offending text and the accepted forms
     */
    public static FiscalQuarter parse(CharSequence text) {
        Objects.requireNonNull(text, "text");
        String s = text.toString().strip();
        String plain = ODD_DASHES.matcher(ODD_SPACES.matcher(s).replaceAll(" ")).replaceAll("-");
        Matcher m = YEAR_FIRST.matcher(plain);
        if (m.matches()) {
            return fromParts(s, m.group(1), m.group(2), m.group(3));
        }
        m = QUARTER_FIRST.matcher(plain);
        if (m.matches()) {
            return fromParts(s, m.group(2), m.group(3), m.group(1));
        }
        m = KEY.matcher(plain);
        if (m.matches()) {
            return fromParts(s, m.group(1), null, m.group(2));
        }
        throw new PeriodFormatException(s, null);
    }

    private static FiscalQuarter fromParts(String text, String startYear, String endYear, String quarterText) {
        // One digit at most: longer digit runs would overflow int and are never a quarter anyway.
        int quarter = quarterText.length() == 1 ? Integer.parseInt(quarterText) : -1;
        if (quarter < 1 || quarter > 4) {
            throw new PeriodFormatException(text, "quarter " + quarterText + " does not exist (a financial year has quarters 1 to 4)");
        }
        int start = expandYear(Integer.parseInt(startYear), startYear.length());
        if (endYear != null) {
            int endDigits = Integer.parseInt(endYear);
            boolean follows = endYear.length() == 4
                    ? endDigits == start + 1
                    : endDigits == (start + 1) % 100;
            if (!follows) {
                throw new PeriodFormatException(text, "the second year of a financial year must follow the first ("
                        + start + "/" + twoDigits(start + 1) + ")");
            }
        }
        if (start < MIN_YEAR || start > MAX_YEAR) {
            throw new PeriodFormatException(text, "year " + start + " is out of range");
        }
        return new FiscalQuarter(start, quarter);
    }

    // Two-digit years are this century for 00-69 and the last for 70-99.
    private static int expandYear(int year, int digits) {
        if (digits == 4) {
            return year;
        }
        return year < 70 ? 2000 + year : 1900 + year;
    }

    public int fiscalYear() {
        return fiscalYear;
    }

    public int quarter() {
        return quarter;
    }

    /** {@code fiscalYear * 10 + quarter}: 20071 for 2007/08 Q1. */
    public int key() {
        return fiscalYear * 10 + quarter;
    }

    /** {@code fiscalYear * 4 + quarter - 1}: consecutive quarters have consecutive ordinals. */
    public int ordinal() {
        return fiscalYear * 4 + quarter - 1;
    }

    public FiscalQuarter plusQuarters(long quarters) {
        return ofOrdinal(Math.toIntExact(ordinal() + quarters));
    }

    public FiscalQuarter minusQuarters(long quarters) {
        return plusQuarters(-quarters);
    }

    public FiscalQuarter previous() {
        return plusQuarters(-1);
    }

    public FiscalQuarter next() {
        return plusQuarters(1);
    }

    public FiscalQuarter sameQuarterLastYear() {
        return plusQuarters(-4);
    }

    /** Quarters from this one to {@code other}: positive when {@code other} is later. */
    public int quartersUntil(FiscalQuarter other) {
        return other.ordinal() - ordinal();
    }

    public boolean isBefore(FiscalQuarter other) {
        return compareTo(other) < 0;
    }

    public boolean isAfter(FiscalQuarter other) {
        return compareTo(other) > 0;
    }

    public LocalDate startDate() {
        return LocalDate.of(quarter == 4 ? fiscalYear + 1 : fiscalYear, quarter == 4 ? 1 : 3 * quarter + 1, 1);
    }

    /** The last day of the quarter; computed directly so the last representable quarter has one too. */
    public LocalDate endDate() {
        return startDate().plusMonths(3).minusDays(1);
    }

    /** The financial year, e.g. {@code 2007/08}. */
    public String fiscalYearLabel() {
        return fiscalYear + "/" + twoDigits(fiscalYear + 1);
    }

    /** The folder name used in the landing zone, e.g. {@code 2007-08-Q1}. */
    public String folderName() {
        return fiscalYear + "-" + twoDigits(fiscalYear + 1) + "-Q" + quarter;
    }

    // The last two digits of a year in ASCII. Not String.format, which uses the default
    // locale's digits (Arabic-Indic under ar-EG) and would break the round trip through parse.
    private static String twoDigits(int year) {
        int yy = year % 100;
        return yy < 10 ? "0" + yy : Integer.toString(yy);
    }

    @Override
    public int compareTo(FiscalQuarter other) {
        return Integer.compare(ordinal(), other.ordinal());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FiscalQuarter q && q.fiscalYear == fiscalYear && q.quarter == quarter;
    }

    @Override
    public int hashCode() {
        return key();
    }

    /** The canonical label, e.g. {@code 2007/08 Q1}. */
    @Override
    public String toString() {
        return fiscalYearLabel() + " Q" + quarter;
    }
}
