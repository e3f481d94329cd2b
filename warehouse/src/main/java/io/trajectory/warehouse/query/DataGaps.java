package io.trajectory.warehouse.query;

import io.trajectory.warehouse.rating.Rating;
import io.trajectory.warehouse.rating.RatingCounts;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A quarter's data gaps, split by reason, for a committee to read the Not available count right:
 * indicators with no figure are either NOT_AVAILABLE (a figure was due) or NOT_DUE (an annual
 * indicator whose figure is not due this quarter). Only the first count as Not available; the
 * second are left out of every share, as the annual review says "of the remaining 30 over half are
 * in relation to annual reporting arrangements".
 *
 * @param period       the quarter, canonical label
 * @param notAvailable indicators with no figure although one was due (the Not available count)
 * @param notDue       annual indicators whose figure is not due this quarter
 * @param dataGaps     both together
 * @param summary      in words: "30 data gaps in 2006/07 Q4: 13 not available and 17 not due this quarter (annual)."
 */
public record DataGaps(String period, long notAvailable, long notDue, long dataGaps, String summary) {

    public DataGaps {
        Objects.requireNonNull(period, "period");
    }

    /** The gaps in one quarter's counts (usually the Totals). */
    public static DataGaps of(String period, RatingCounts counts) {
        long na = counts.count(Rating.NOT_AVAILABLE);
        long notDue = counts.count(Rating.NOT_DUE);
        long gaps = counts.dataGaps();
        String summary = gaps == 0 ? "No data gaps in " + period + "."
                : gaps + (gaps == 1 ? " data gap in " : " data gaps in ") + period + ": " + na + " not available"
                        + (notDue == 0 ? "." : " and " + notDue + " not due this quarter (annual).");
        return new DataGaps(period, na, notDue, gaps, summary);
    }

    /** The gaps in the Totals of both quarters of a comparison, earlier first. */
    public static List<DataGaps> ofComparison(List<ComparisonRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        RatingCounts.Builder from = RatingCounts.builder();
        RatingCounts.Builder to = RatingCounts.builder();
        for (ComparisonRow r : rows) {
            if (r.theme().equals("Totals")) {
                from.add(r.rating(), r.fromCount());
                to.add(r.rating(), r.toCount());
            }
        }
        List<DataGaps> out = new ArrayList<>();
        out.add(of(rows.get(0).fromPeriod(), from.build()));
        if (!rows.get(0).toPeriod().equals(rows.get(0).fromPeriod())) {
            out.add(of(rows.get(0).toPeriod(), to.build()));
        }
        return out;
    }

    /**
     * The gaps in the Totals of a risk summary's quarters (the same quarter last year, the quarter
     * before and the quarter, in that order), leaving out a quarter with no published return.
     */
    public static List<DataGaps> ofRiskSummary(List<RiskSummaryRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        RatingCounts.Builder now = RatingCounts.builder();
        RatingCounts.Builder previous = RatingCounts.builder();
        RatingCounts.Builder lastYear = RatingCounts.builder();
        for (RiskSummaryRow r : rows) {
            if (r.theme().equals("Totals")) {
                now.add(r.rating(), r.count());
                if (r.previousCount() != null) {
                    previous.add(r.rating(), r.previousCount());
                }
                if (r.lastYearCount() != null) {
                    lastYear.add(r.rating(), r.lastYearCount());
                }
            }
        }
        RiskSummaryRow first = rows.get(0);
        List<DataGaps> out = new ArrayList<>();
        if (first.lastYearCount() != null) {
            out.add(of(first.lastYearPeriod(), lastYear.build()));
        }
        if (first.previousCount() != null) {
            out.add(of(first.previousPeriod(), previous.build()));
        }
        out.add(of(first.period(), now.build()));
        return out;
    }
}
