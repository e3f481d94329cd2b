package io.trajectory.api.pages;

import io.trajectory.warehouse.query.TrendPoint;
import io.trajectory.warehouse.spc.Assurance;
import io.trajectory.warehouse.spc.ControlChart;
import io.trajectory.warehouse.spc.SpecialCause;
import io.trajectory.warehouse.spc.Variation;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What an XmR chart (Making Data Count) says of an indicator, as a page shows it: the latest
 * figure's variation and the assurance against the target, each as a symbol and a label (never by
 * colour alone), or a dash with the reason there is none.
 *
 * @param variation       the latest figure's: IMPROVING, CONCERNING or COMMON; null without limits
 * @param assurance       against the target; null without limits or target
 * @param variationLabel  "Improving (special cause)", "Common cause" ... or a dash
 * @param assuranceLabel  "Consistently passing", "Hit and miss" ... or a dash
 * @param why             why there is no reading, or what it rests on (shown as a tooltip)
 */
public record ProcessReading(Variation variation, Assurance assurance, String variationLabel, String assuranceLabel,
        String variationSymbol, String assuranceSymbol, String cssClass, String why) {

    static ProcessReading of(ControlChart chart) {
        String why = chart.limits() == null ? "No process limits: " + chart.limitsReason() + "."
                : "XmR chart of " + chart.limits().figures() + " figures"
                        + (chart.assurance() == null ? "; no assurance: " + chart.assuranceReason() : "") + ".";
        return new ProcessReading(chart.variation(), chart.assurance(), variationLabel(chart.variation()),
                assuranceLabel(chart.assurance()), variationSymbol(chart.variation()), assuranceSymbol(chart.assurance()),
                chart.variation() == null ? "spc spc-none" : "spc spc-" + chart.variation().name().toLowerCase(Locale.ROOT),
                why);
    }

    static String variationLabel(Variation v) {
        if (v == null) {
            return Formats.NONE;
        }
        return switch (v) {
            case IMPROVING -> "Improving (special cause)";
            case CONCERNING -> "Concerning (special cause)";
            case COMMON -> "Common cause";
        };
    }

    private static String variationSymbol(Variation v) {
        if (v == null) {
            return "";
        }
        return switch (v) {
            case IMPROVING -> "\u25B2"; // ▲
            case CONCERNING -> "\u25BC"; // ▼
            case COMMON -> "\u223C"; // ∼
        };
    }

    static String assuranceLabel(Assurance a) {
        if (a == null) {
            return Formats.NONE;
        }
        return switch (a) {
            case CONSISTENTLY_PASSING -> "Consistently passing";
            case CONSISTENTLY_FAILING -> "Consistently failing";
            case HIT_AND_MISS -> "Hit and miss";
        };
    }

    private static String assuranceSymbol(Assurance a) {
        if (a == null) {
            return "";
        }
        return switch (a) {
            case CONSISTENTLY_PASSING -> "\u2714"; // ✔
            case CONSISTENTLY_FAILING -> "\u2716"; // ✖
            case HIT_AND_MISS -> "\u00B1"; // ±
        };
    }

    /**
     * In words, what the chart of {@code points} shows: common-cause variation only, or which
     * quarters show special cause and why, then the assurance against the target; or why it shows
     * neither.
     */
    static List<String> sentences(ControlChart chart, List<TrendPoint> points, Formats fmt) {
        List<String> out = new ArrayList<>();
        if (chart.limits() == null) {
            out.add("No process limits are drawn: " + chart.limitsReason() + ", so the chart cannot yet tell a real "
                    + "change from noise.");
            return out;
        }
        String first = null;
        String last = null;
        for (TrendPoint p : points) {
            if (p.actual() != null) {
                first = first == null ? p.period() : first;
                last = p.period();
            }
        }
        String limits = "the process limits are " + fmt.number(chart.limits().lower()) + " to "
                + fmt.number(chart.limits().upper()) + " around a mean of " + fmt.number(chart.limits().mean());
        Map<Variation, List<String>> special = new LinkedHashMap<>();
        Map<Variation, Set<SpecialCause>> causes = new LinkedHashMap<>();
        for (TrendPoint p : points) {
            if (p.variation() == Variation.IMPROVING || p.variation() == Variation.CONCERNING) {
                special.computeIfAbsent(p.variation(), v -> new ArrayList<>()).add(p.period());
                causes.computeIfAbsent(p.variation(), v -> EnumSet.noneOf(SpecialCause.class)).addAll(p.specialCause());
            }
        }
        String over = "The XmR chart of the " + chart.limits().figures() + " figures from " + first + " to " + last;
        if (special.isEmpty()) {
            out.add(over + " shows common-cause variation only: every figure is within the process limits, with no "
                    + "run or trend (" + limits + ").");
        } else {
            List<String> parts = new ArrayList<>();
            special.forEach((v, quarters) -> parts.add((v == Variation.IMPROVING ? "improving" : "concerning") + " in "
                    + join(quarters) + " (" + causeWords(causes.get(v)) + ")"));
            out.add(over + " shows special cause: " + String.join("; ", parts) + "; " + limits + ".");
        }
        out.add("The latest figure, " + last + ", is " + variationLabel(chart.variation()).toLowerCase(Locale.UK) + ".");
        if (chart.assurance() == null) {
            out.add("No assurance against a target: " + chart.assuranceReason() + ".");
        } else {
            out.add("Against the target: " + assuranceLabel(chart.assurance()).toLowerCase(Locale.UK) + switch (
                    chart.assurance()) {
                case CONSISTENTLY_PASSING -> ": even the worst figure within the limits meets the target, so the "
                        + "process as it runs will keep meeting it.";
                case CONSISTENTLY_FAILING -> ": even the best figure within the limits misses the target, so the "
                        + "process will not meet it without a change.";
                case HIT_AND_MISS -> ": the target lies between the limits, so the process will meet it in some "
                        + "quarters and miss it in others.";
            });
        }
        return out;
    }

    private static String causeWords(Set<SpecialCause> causes) {
        List<String> words = new ArrayList<>();
        for (SpecialCause c : causes) {
            words.add(switch (c) {
                case OUTSIDE_LIMITS -> "outside the process limits";
                case TWO_OF_THREE -> "two of three beyond two sigma";
                case SHIFT -> "a run on one side of the mean";
                case TREND -> "a run rising or falling";
            });
        }
        return String.join(", ", words);
    }

    private static String join(List<String> quarters) {
        if (quarters.size() <= 2) {
            return String.join(" and ", quarters);
        }
        return String.join(", ", quarters.subList(0, quarters.size() - 1)) + " and " + quarters.get(quarters.size() - 1);
    }
}
