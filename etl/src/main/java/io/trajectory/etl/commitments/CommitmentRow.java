package io.trajectory.etl.commitments;

import io.trajectory.warehouse.period.FiscalQuarter;
import io.trajectory.warehouse.rating.Rating;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One "We Will Achieve" line of a quarter's commitments report, as read from the landing zone:
 * the grain of {@code fact_commitment_return} before conforming.
 *
 * <p>{@code (ref, item)} identifies the line within one report: {@code item} is the 1-based
 * position of the line under its REF, counted through the whole report, so a
 * {@code 7. MTCS/ASC (cont)} row after a page break carries on from the items of
 * {@code 7. MTCS/ASC}. Blank priority and officer cells of a later item under the same REF are
 * filled down from the item above, as the merged cells of the original table mean.
 *
 * @param sourceFile           the landing-zone file the row came from
 * @param line                 1-based line in that file where the row starts
 * @param ref                  the REF, normalised by {@link #normaliseRef}
 * @param item                 1-based position of this line under its REF within the report
 * @param priority             the "High Priorities" text, or null
 * @param achieve              the "We Will Achieve" text, or null
 * @param officer              the responsible officer, or null
 * @param statusText           the status cell exactly as written ({@code ""} when blank)
 * @param current              the status this quarter, never null
 * @param statedPrevious       the previous status the cell states, or null
 * @param statedPreviousPeriod the quarter of {@code statedPrevious}, or null
 * @param comment              all comment text for the line, continuation rows joined by a newline; or null
 * @param section              the report section the row appeared under (e.g. "Red Commitments"), or null
 */
public record CommitmentRow(
        String sourceFile,
        int line,
        String ref,
        int item,
        String priority,
        String achieve,
        String officer,
        String statusText,
        Rating current,
        Rating statedPrevious,
        FiscalQuarter statedPreviousPeriod,
        String comment,
        String section) {

    private static final Pattern CONTINUED = Pattern.compile(
            "\\s*\\(\\s*(?:cont|contd|cont'd|continued)\\.?\\s*\\)?\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern STRAY_OPEN = Pattern.compile("\\s*\\(\\s*$");

    public CommitmentRow {
        Objects.requireNonNull(sourceFile, "sourceFile");
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(statusText, "statusText");
        Objects.requireNonNull(current, "current");
        if (ref.isBlank()) {
            throw new IllegalArgumentException("ref must not be blank");
        }
        if (line < 1 || item < 1) {
            throw new IllegalArgumentException("line and item are 1-based, not " + line + " and " + item);
        }
    }

    /**
     * The REF as a key: trimmed, a trailing {@code (cont)} or stray {@code (} dropped, runs of
     * spaces collapsed. {@code "7. MTCS/ASC (cont)"} and {@code "LAA 1.2.2 ("} become
     * {@code "7. MTCS/ASC"} and {@code "LAA 1.2.2"}. Numbering styles ({@code 7MTCS/CEX},
     * {@code 2.MTCS/CS}) are kept as written. Null or blank gives {@code ""}.
     */
    public static String normaliseRef(String raw) {
        return dropContinued(raw).replaceAll("\\s+", " ");
    }

    /** True when the cell ends with a continuation marker such as {@code (cont)}. */
    static boolean isContinued(String raw) {
        return raw != null && CONTINUED.matcher(clean(raw)).find();
    }

    /** The text without a trailing {@code (cont)} or stray {@code (}, trimmed; {@code ""} for null. */
    static String dropContinued(String raw) {
        String s = clean(raw);
        String before;
        do {
            before = s;
            s = STRAY_OPEN.matcher(CONTINUED.matcher(s).replaceFirst("")).replaceFirst("").strip();
        } while (!s.equals(before));
        return s;
    }

    private static String clean(String raw) {
        return raw == null ? "" : raw.replace('\u00A0', ' ').strip();
    }
}
