package io.trajectory.etl.importer;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What an import mapped, what it dropped and why, and what it wrote: printed for the person running it. */
final class ImportReport {

    /** A reason with how often it happened and where first. */
    static final class Dropped {
        final String reason;
        int count;
        final List<String> examples = new ArrayList<>();

        Dropped(String reason) {
            this.reason = reason;
        }
    }

    /** A reported rating the figures contradict. */
    record Contradiction(String ref, String area, String period, String rating, String actual, String planned, String polarity) {
    }

    final List<String> mapped = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    final Map<String, Dropped> dropped = new LinkedHashMap<>();
    final Map<String, Integer> figuresByReturn = new TreeMap<>();
    final List<String> written = new ArrayList<>();
    final List<Contradiction> contradictions = new ArrayList<>();
    final List<String> ratedWithoutFigure = new ArrayList<>();
    int rowsRead;
    int rowsFiltered;
    int indicators;
    int areas;
    int groups;
    int ratingsChecked;

    void drop(String reason, String where) {
        Dropped d = dropped.computeIfAbsent(reason, Dropped::new);
        d.count++;
        if (d.examples.size() < 3) {
            d.examples.add(where);
        }
    }

    int droppedCount() {
        return dropped.values().stream().mapToInt(d -> d.count).sum();
    }

    void print(PrintStream out) {
        out.println("Mapped");
        mapped.forEach(m -> out.println("  " + m));
        warnings.forEach(w -> out.println("warning: " + w));
        out.printf("Read %,d source row(s)%s%n", rowsRead, rowsFiltered > 0 ? String.format(", %,d left out by the filter", rowsFiltered) : "");
        out.printf("Wrote %d indicator(s), %d area(s)%s, %,d figure(s) in %d return(s)%n", indicators, areas,
                groups > 0 ? ", " + groups + " comparison group(s)" : "",
                figuresByReturn.values().stream().mapToInt(Integer::intValue).sum(), figuresByReturn.size());
        figuresByReturn.forEach((q, n) -> out.printf("  %-12s %,7d figure(s)%n", q, n));
        written.forEach(f -> out.println("  wrote " + f));
        if (dropped.isEmpty()) {
            out.println("Dropped nothing");
        } else {
            out.printf("Dropped %,d (each reason, how often, where first)%n", droppedCount());
            for (Dropped d : dropped.values()) {
                out.printf("  %,6d  %s  (%s)%n", d.count, d.reason, String.join("; ", d.examples));
            }
        }
        if (ratingsChecked > 0) {
            out.printf("Ratings against the figures: %d of %d Green/Amber/Red rating(s) given with a figure and a plan "
                    + "contradict them (Green while behind plan, Amber or Red while on or ahead of it)%n",
                    contradictions.size(), ratingsChecked);
            for (Contradiction c : contradictions) {
                out.printf("  %s%s %s: rated %s, actual %s against planned %s (%s)%n", c.ref(),
                        c.area().isEmpty() ? "" : " " + c.area(), c.period(), c.rating(), c.actual(), c.planned(),
                        c.polarity().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
            }
        }
        if (!ratedWithoutFigure.isEmpty()) {
            out.printf("Rated with no figure (the rating is kept; the figure is not available): %d%n", ratedWithoutFigure.size());
            ratedWithoutFigure.forEach(r -> out.println("  " + r));
        }
    }
}
