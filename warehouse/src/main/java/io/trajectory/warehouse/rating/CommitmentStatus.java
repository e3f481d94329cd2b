package io.trajectory.warehouse.rating;

import io.trajectory.warehouse.period.FiscalQuarter;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The status of one commitment as written in a quarter's progress report, read from the raw
 * "Red/ Amber Green/Achieved" cell.
 *
 * <p>Officers write the cell as prose, so the cell is kept ({@link #raw}) beside what was read
 * from it: the {@link #current} rating, and the previous rating the cell itself states with its
 * quarter ({@link #statedPrevious}, {@link #statedPreviousPeriod}). The forms understood:
 * <ul>
 *   <li>{@code Red}, {@code G}, blank (not available)</li>
 *   <li>{@code Red (Amber at Q1)}, {@code Green (amber at Quarter 1)}, {@code Amber (Green last quarter)}</li>
 *   <li>{@code Achieved Was showing amber at Quarter 1}</li>
 *   <li>{@code (Green at Q1)}: no current status stated, so current is NOT_AVAILABLE</li>
 *   <li>{@code Measured nationally. <b>Red</b>}: words around the rating are ignored</li>
 *   <li>{@code 7.21 Ended in March 2008 Performance was recorded as Red}: current ENDED; the
 *       final rating becomes the stated previous, in the quarter the commitment ended</li>
 *   <li>{@code Ended in March 2008 ... was <b>Rec</b>}: current ENDED; the final rating cannot be
 *       read, so there is no stated previous (the words stay in {@link #raw})</li>
 *   <li>{@code Carers (NI135) = Green (Amber at Q1)}, {@code Green No info last time},
 *       {@code Achieved (Green at Q1} (bracket left open): the rating word among other words</li>
 * </ul>
 * A report sorts its tables under headings such as "Red Commitments" or "Commitments which are
 * now Amber That Were Green Last Quarter"; {@link #impliedBySection} reads the current status such
 * a heading implies, and {@link #parse(String, FiscalQuarter, Rating)} uses it when the cell gives
 * only last quarter's status ({@code (Green at Q1)} under "now Amber" is AMBER, with GREEN at Q1).
 *
 * <p>"At Qn" means the latest quarter n before the report's quarter: "at Q1" in a 2008/09 Q2
 * report is 2008/09 Q1, "at Q4" in a 2008/09 Q1 report is 2007/08 Q4.
 *
 * <p>A cell that states no recognisable current status (and no previous one), names more than
 * one current status, or marks an unknown word in bold ({@code <b>Rec</b>}) is not guessed at:
 * the result carries a {@link #problem} so the caller can quarantine the row, and then only
 * {@link #raw} is set. Parsing never throws for cell content.
 *
 * @param raw                  the cell exactly as given ({@code ""} for null)
 * @param current              this quarter's rating; null only when {@link #understood()} is false
 * @param statedPrevious       the earlier rating the cell mentions, or null
 * @param statedPreviousPeriod the quarter of {@code statedPrevious}, or null when the cell does
 *                             not say (or there is no stated previous)
 * @param problem              why the cell could not be understood, or null when it was
 */
public record CommitmentStatus(
        String raw, Rating current, Rating statedPrevious, FiscalQuarter statedPreviousPeriod, String problem) {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final String RATING_WORD = "(green|amber|red|achieved|completed?)";
    private static final String FISCAL_YEAR = "(?:\\d{4}|\\d{2})\\s*[/-]\\s*(?:\\d{4}|\\d{2})";
    private static final String WAS = "(?:(?:was|were)\\s+(?:showing\\s+(?:as\\s+)?|shown\\s+as\\s+|rated\\s+(?:as\\s+)?|reported\\s+as\\s+)?)?";

    /** "(Amber at Q1)", "amber at Quarter 1", "Was showing amber at Quarter 1", "Green at Q4 2007/08". */
    private static final Pattern AT_QUARTER = Pattern.compile(
            "\\(?\\s*" + WAS + RATING_WORD + "\\s+(?:at|in)\\s+(?:the\\s+end\\s+of\\s+)?(?:q|qtr\\.?|quarter)\\s*([1-4])"
                    + "(?:\\s*(?:of\\s+)?(" + FISCAL_YEAR + "))?\\s*\\)?", FLAGS);
    /** "(Green last quarter)", "was amber last quarter". */
    private static final Pattern LAST_QUARTER = Pattern.compile(
            "\\(?\\s*" + WAS + RATING_WORD + "\\s+(?:at\\s+|in\\s+)?(?:the\\s+)?(?:last|previous)\\s+quarter\\s*\\)?", FLAGS);
    /** "Ended in March 2008", "Ended IN March 2008", "Ended 2007/08"; the date is optional. */
    private static final Pattern ENDED = Pattern.compile(
            "\\bended\\b(?:\\s+(?:in|at)?\\s*(?:the\\s+end\\s+of\\s+)?(?:([a-z]{3,9})\\.?\\s+(\\d{4})|(" + FISCAL_YEAR + ")))?", FLAGS);
    private static final Pattern RATING = Pattern.compile("\\b" + RATING_WORD + "\\b", FLAGS);
    private static final Pattern NOT_AVAILABLE = Pattern.compile("\\b(?:not\\s+available|n/a|no\\s+data)\\b", FLAGS);
    private static final Pattern BOLD = Pattern.compile("<(b|strong)\\b[^>]*>(.*?)</\\1\\s*>", FLAGS | Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern LETTER = Pattern.compile("\\p{L}");
    /** "now Amber" in a heading: the status the rows below it have this quarter. */
    private static final Pattern NOW_RATING = Pattern.compile("\\bnow\\s+(?:rated\\s+|showing\\s+)?" + RATING_WORD + "\\b", FLAGS);
    /** Words that put a rating in the past ("that were Green last quarter"). */
    private static final Pattern PAST = Pattern.compile("\\b(?:was|were|last|previous(?:ly)?|at\\s+q)", FLAGS);

    public CommitmentStatus {
        Objects.requireNonNull(raw, "raw");
        if (problem == null) {
            Objects.requireNonNull(current, "current (required when the status was understood)");
        }
    }

    /** True when the cell was read; false means quarantine the row and keep {@link #raw}. */
    public boolean understood() {
        return problem == null;
    }

    /**
     * Reads a status cell from the report for {@code reportQuarter}.
     *
     * @param rawCell       the cell as exported; HTML tags are ignored, case does not matter;
     *                      null or blank means no status stated (NOT_AVAILABLE)
     * @param reportQuarter the quarter the report is for, which "at Q1" is resolved against
     */
    public static CommitmentStatus parse(String rawCell, FiscalQuarter reportQuarter) {
        return parse(rawCell, reportQuarter, null);
    }

    /**
     * Reads a status cell that sits under a heading implying a current status.
     *
     * @param impliedCurrent the status the section heading implies (see {@link #impliedBySection}),
     *                       used only when the cell states a previous status and nothing else; or null
     */
    public static CommitmentStatus parse(String rawCell, FiscalQuarter reportQuarter, Rating impliedCurrent) {
        Objects.requireNonNull(reportQuarter, "reportQuarter");
        String raw = rawCell == null ? "" : rawCell;
        boolean endedCell = ENDED.matcher(plainText(raw)).find();

        // An unknown word in bold is a mistyped rating: not guessed at, unless the cell says the
        // commitment ended, when it can only have been the final rating (left unread).
        boolean finalRatingUnreadable = false;
        for (Matcher bold = BOLD.matcher(raw); bold.find(); ) {
            String marked = plainText(bold.group(2));
            if (!marked.isEmpty() && !RATING.matcher(marked).find() && !ENDED.matcher(marked).find()) {
                if (endedCell) {
                    finalRatingUnreadable = true;
                    continue;
                }
                return notUnderstood(raw, "unrecognised status '" + marked.replaceAll("[\\p{Punct}\\s]+$", "")
                        + "' (marked in bold); expected Green, Amber, Red, Achieved or Ended");
            }
        }

        String text = plainText(raw);
        if (text.isEmpty()) {
            return new CommitmentStatus(raw, Rating.NOT_AVAILABLE, null, null, null);
        }
        Rating whole = wholeCellRating(text);
        if (whole != null) {
            return new CommitmentStatus(raw, whole, null, null, null);
        }

        // Stated previous status: take it out of the text so it is not read as the current one.
        Rating previous = null;
        FiscalQuarter previousPeriod = null;
        StringBuilder rest = new StringBuilder();
        Matcher at = AT_QUARTER.matcher(text);
        int last = 0;
        while (at.find()) {
            FiscalQuarter period = at.group(3) != null
                    ? FiscalQuarter.parse("Q" + at.group(2) + " " + at.group(3).replaceAll("\\s", ""))
                    : latestQuarterBefore(reportQuarter, Integer.parseInt(at.group(2)));
            if (previousPeriod == null || period.isAfter(previousPeriod)) {
                previous = ratingOf(at.group(1));
                previousPeriod = period;
            }
            rest.append(text, last, at.start()).append(' ');
            last = at.end();
        }
        rest.append(text.substring(last));
        text = rest.toString();
        Matcher lastQuarter = LAST_QUARTER.matcher(text);
        if (lastQuarter.find()) {
            if (previous == null) {
                previous = ratingOf(lastQuarter.group(1));
                previousPeriod = reportQuarter.previous();
            }
            text = lastQuarter.replaceAll(" ");
        }

        Matcher ended = ENDED.matcher(text);
        if (ended.find()) {
            FiscalQuarter endedIn = endedQuarter(ended);
            Set<Rating> finals = finalRatingUnreadable ? Set.of() : ratingsIn(text);
            if (finals.size() > 1) {
                return notUnderstood(raw, "ended, but the final status is unclear: it names " + names(finals));
            }
            if (previous == null && finals.size() == 1) {
                previous = finals.iterator().next();
                previousPeriod = endedIn;
            }
            return new CommitmentStatus(raw, Rating.ENDED, previous, previousPeriod, null);
        }

        Set<Rating> currents = ratingsIn(text);
        if (currents.size() > 1) {
            return notUnderstood(raw, "more than one current status: " + names(currents));
        }
        if (currents.size() == 1) {
            return new CommitmentStatus(raw, currents.iterator().next(), previous, previousPeriod, null);
        }
        if (NOT_AVAILABLE.matcher(text).find()) {
            return new CommitmentStatus(raw, Rating.NOT_AVAILABLE, previous, previousPeriod, null);
        }
        if (previous != null && !LETTER.matcher(text).find()) {
            // "(Green at Q1)": only last quarter's status is given; the heading may say what it is now.
            return new CommitmentStatus(raw, impliedCurrent == null ? Rating.NOT_AVAILABLE : impliedCurrent,
                    previous, previousPeriod, null);
        }
        return notUnderstood(raw, (previous == null ? "no recognisable status in '" : "no recognisable current status in '")
                + text.replaceAll("\\s+", " ").strip() + "'; expected Green, Amber, Red, Achieved or Ended");
    }

    /**
     * The current status a section heading implies for the rows under it: "Red Commitments" is
     * RED, "Commitments which are now Amber That Were Green Last Quarter" is AMBER (the rating
     * after "now"; ratings in the past tense are not current). Empty when the heading names no
     * single current status.
     */
    public static Optional<Rating> impliedBySection(String heading) {
        if (heading == null || heading.isBlank()) {
            return Optional.empty();
        }
        String text = plainText(heading);
        Matcher now = NOW_RATING.matcher(text);
        if (now.find()) {
            return Optional.of(ratingOf(now.group(1)));
        }
        Set<Rating> named = ratingsIn(text);
        if (named.size() == 1 && !PAST.matcher(text).find()) {
            return Optional.of(named.iterator().next());
        }
        return Optional.empty();
    }

    private static CommitmentStatus notUnderstood(String raw, String why) {
        return new CommitmentStatus(raw, null, null, null, why);
    }

    /** Tags removed, the common entities decoded, whitespace collapsed. */
    private static String plainText(String html) {
        String s = TAG.matcher(html).replaceAll(" ")
                .replace("&nbsp;", " ").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
                .replace('\u00A0', ' ');
        return s.replaceAll("\\s+", " ").strip();
    }

    /** The whole cell is a rating as {@link Rating#parse} reads it ("G", "n/a", "Achieved"), else null. */
    private static Rating wholeCellRating(String text) {
        try {
            return Rating.parse(text.replaceAll("[.,;:!]+$", "")).orElse(null);
        } catch (IllegalArgumentException notARating) {
            return null;
        }
    }

    private static Set<Rating> ratingsIn(String text) {
        Set<Rating> found = new LinkedHashSet<>();
        for (Matcher m = RATING.matcher(text); m.find(); ) {
            found.add(ratingOf(m.group(1)));
        }
        return found;
    }

    private static Rating ratingOf(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "green" -> Rating.GREEN;
            case "amber" -> Rating.AMBER;
            case "red" -> Rating.RED;
            default -> Rating.ACHIEVED; // achieved, complete, completed
        };
    }

    private static String names(Set<Rating> ratings) {
        List<String> labels = new ArrayList<>();
        ratings.forEach(r -> labels.add(r.label()));
        return String.join(", ", labels);
    }

    /** The latest quarter numbered {@code quarter} strictly before {@code report}. */
    static FiscalQuarter latestQuarterBefore(FiscalQuarter report, int quarter) {
        FiscalQuarter candidate = FiscalQuarter.of(report.fiscalYear(), quarter);
        return candidate.isBefore(report) ? candidate : candidate.minusQuarters(4);
    }

    /** The quarter named by "Ended in March 2008" (2007/08 Q4) or "Ended 2007/08" (its Q4); else null. */
    private static FiscalQuarter endedQuarter(Matcher ended) {
        if (ended.group(1) != null) {
            Month month = monthNamed(ended.group(1));
            return month == null ? null : FiscalQuarter.containing(LocalDate.of(Integer.parseInt(ended.group(2)), month, 1));
        }
        if (ended.group(3) != null) {
            return FiscalQuarter.parse(ended.group(3).replaceAll("\\s", "") + " Q4");
        }
        return null;
    }

    private static Month monthNamed(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        for (Month m : Month.values()) {
            String full = m.getDisplayName(TextStyle.FULL, Locale.UK).toLowerCase(Locale.ROOT);
            if (w.equals(full) || (w.length() >= 3 && full.startsWith(w))) {
                return m;
            }
        }
        return null;
    }
}
