package io.trajectory.api.reports;

import io.trajectory.warehouse.query.PackCount;
import io.trajectory.warehouse.query.PackHeadline;
import io.trajectory.warehouse.query.PeriodRow;
import io.trajectory.warehouse.query.QuarterlyPack;
import io.trajectory.warehouse.rating.ShareRule;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The pack's summary in words, in the sentence forms of the partnership's own quarterly report
 * ("There are currently N indicators in operation with X (p%) having a green risk rating, ..."),
 * every number from the pack. Percentages are whole, as the report prints them.
 */
public final class PackSummary {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK)
            .withZone(ZoneOffset.UTC);

    private PackSummary() {
    }

    /** The summary's sentences, in the report's order. */
    public static List<String> sentences(QuarterlyPack pack) {
        PackHeadline h = pack.headline();
        List<String> out = new ArrayList<>();
        if (h.inOperation() == 0) {
            out.add("No indicator has data or is due to report for " + pack.period() + ".");
        } else {
            String rated = "There are currently " + h.inOperation() + " " + indicators(h.inOperation())
                    + " in operation with " + counted(h.green()) + " having a green risk rating, " + counted(h.amber())
                    + " having an amber rating and " + counted(h.red()) + " having a red rating";
            out.add(rated + (h.achieved().count() > 0 ? ", and " + counted(h.achieved()) + " having achieved "
                    + "their target." : "."));
            out.add(h.noData().count() == 0 ? "Every indicator in operation has data reported against it."
                    : "There " + are(h.noData().count()) + " " + counted(h.noData()) + " " + indicators(h.noData().count())
                    + " with no data reported against " + them(h.noData().count()) + ".");
        }
        if (h.noTarget().count() > 0) {
            out.add("There " + are(h.noTarget().count()) + " a further " + h.noTarget().count() + " "
                    + indicators(h.noTarget().count()) + " where baselines and targets have yet to be set. "
                    + (pack.shareRule() == ShareRule.ALL_IN_FORCE
                    ? "They are counted among all the indicators in the shares above (" + percent(h.noTarget().share()) + ")."
                    : "They have been discounted in the figures above."));
        }
        out.add("Of all the indicators, " + percent(h.worsening().share()) + " " + (h.worsening().count() == 1 ? "is" : "are")
                + " recorded as having a downward trend in performance.");
        long red = h.red().count();
        out.add(red == 0 ? "No indicator has a red risk rating."
                : "Of the " + red + " red risk " + indicators(red) + " " + percent(h.redImproving().share()) + " "
                        + (red == 1 ? "has" : "have") + " an improving trend and " + percent(h.redNoChange().share())
                        + " " + (red == 1 ? "has" : "have") + " no change.");
        if (h.notDue() > 0) {
            out.add("A further " + h.notDue() + " " + indicators(h.notDue()) + " reported annually "
                    + (h.notDue() == 1 ? "is" : "are") + " not due this quarter and " + (h.notDue() == 1 ? "is" : "are")
                    + " not counted.");
        }
        if (h.ended() > 0) {
            out.add(h.ended() + " " + indicators(h.ended()) + " that have ended are not counted.");
        }
        return out;
    }

    /** Who signed the quarter's return off, and when; or that nobody has yet. */
    public static String signOff(QuarterlyPack pack) {
        PeriodRow q = pack.quarter();
        if (q.signedOff()) {
            return "The " + pack.period() + " return was signed off"
                    + (q.signedOffBy() == null ? "" : " by " + q.signedOffBy())
                    + (q.signedOffAt() == null ? "" : " on " + DAY.format(q.signedOffAt())) + ".";
        }
        return "The " + pack.period() + " return has not been signed off: its figures are provisional.";
    }

    /** The share rule in words, for the footnote under the risk summary. */
    public static String shareRule(QuarterlyPack pack) {
        return "Percentages: " + pack.shareRule().description() + ".";
    }

    /** A whole percentage, as the report prints it: 67%; "no share" when there is none. */
    public static String percent(Double share) {
        return share == null ? "no share" : Math.round(share * 100) + "%";
    }

    private static String counted(PackCount c) {
        return c.share() == null ? Long.toString(c.count()) : c.count() + " (" + percent(c.share()) + ")";
    }

    private static String indicators(long n) {
        return n == 1 ? "indicator" : "indicators";
    }

    private static String are(long n) {
        return n == 1 ? "is" : "are";
    }

    private static String them(long n) {
        return n == 1 ? "it" : "them";
    }
}
