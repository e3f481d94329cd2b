package io.trajectory.api.pages;

import io.trajectory.api.snapshot.Served;
import io.trajectory.api.web.AreaChoice;
import io.trajectory.api.web.ProblemException;
import io.trajectory.warehouse.query.AreaRow;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which area a page shows: the one its {@code area} parameter names (code or name, any case), else
 * the snapshot's home (the whole authority, when it has figures). A zone of many authorities has
 * no home, so its pages ask which authority first.
 */
final class PageAreas {

    /** The kind of area a national zone's authorities are ({@code definitions/areas.csv}). */
    static final String AUTHORITY = "authority";

    private PageAreas() {
    }

    /**
     * The area {@code text} names, or the home when it is blank; empty when blank and there is no home.
     *
     * @throws ProblemException 400 naming {@code area} and the areas there are
     */
    static Optional<AreaRow> chosen(String text, Served info) {
        if (text == null || text.isBlank()) {
            return info.home();
        }
        String t = text.strip();
        return Optional.of(info.areas().stream()
                .filter(a -> a.code().equalsIgnoreCase(t) || a.name().equalsIgnoreCase(t))
                .findFirst()
                .orElseThrow(() -> ProblemException.badParameter("area", "Unknown area '" + t + "'.", forms(info))));
    }

    /**
     * As {@link #chosen}, for a download, which cannot ask.
     *
     * @throws ProblemException 400 naming {@code area} when it is blank and there is no home
     */
    static AreaRow required(String text, Served info) {
        return chosen(text, info).orElseThrow(() -> ProblemException.badParameter("area", "Parameter 'area': this "
                + "snapshot has no whole-authority figures, so name the area (or authority) wanted.", forms(info)));
    }

    /** The request's form of an area: what the warehouse's queries take. */
    static AreaChoice choice(AreaRow a) {
        return new AreaChoice(a.key(), a.wholeAuthority() ? "" : a.code());
    }

    /** Whether {@code a} is what the pages show when no area is asked for. */
    static boolean isHome(AreaRow a, Served info) {
        return info.home().map(h -> h.key() == a.key()).orElse(false);
    }

    /**
     * The authorities to choose from when there is no home: the areas of kind {@code authority}
     * with figures, else every top-level area with figures.
     */
    static List<AreaRow> authorities(Served info) {
        List<AreaRow> reported = info.areas().stream().filter(a -> !a.wholeAuthority() && a.hasFigures()).toList();
        List<AreaRow> authorities = reported.stream().filter(a -> AUTHORITY.equalsIgnoreCase(a.type())).toList();
        List<AreaRow> shown = authorities.isEmpty()
                ? reported.stream().filter(a -> a.parentCode() == null).toList() : authorities;
        return shown.stream().sorted(Comparator.comparing(AreaRow::name, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    /**
     * The area control's choices: every area with figures, the whole authority first, then each
     * top-level area by name followed by the areas within it. Empty when at most one area has figures.
     */
    static List<Frame.AreaOption> options(Served info) {
        List<AreaRow> reported = info.areas().stream().filter(AreaRow::hasFigures).toList();
        if (reported.size() <= 1) {
            return List.of();
        }
        List<Frame.AreaOption> out = new ArrayList<>();
        reported.stream().filter(AreaRow::wholeAuthority).forEach(a -> out.add(new Frame.AreaOption("", a.name())));
        List<AreaRow> top = reported.stream().filter(a -> !a.wholeAuthority() && !hasReportedParent(a, reported))
                .sorted(Comparator.comparing(AreaRow::name, String.CASE_INSENSITIVE_ORDER)).toList();
        for (AreaRow a : top) {
            addWithChildren(a, reported, out, null);
        }
        return out;
    }

    private static void addWithChildren(AreaRow a, List<AreaRow> reported, List<Frame.AreaOption> out, String within) {
        out.add(new Frame.AreaOption(a.code(), within == null ? a.name() : a.name() + ", in " + within));
        reported.stream().filter(c -> a.code().equals(c.parentCode()))
                .sorted(Comparator.comparing(AreaRow::name, String.CASE_INSENSITIVE_ORDER))
                .forEach(c -> addWithChildren(c, reported, out, a.name()));
    }

    private static boolean hasReportedParent(AreaRow a, List<AreaRow> reported) {
        return a.parentCode() != null && reported.stream().anyMatch(p -> p.code().equals(a.parentCode()));
    }

    /** What {@code area} takes; a national zone's hundreds of codes are cut short. */
    private static String forms(Served info) {
        List<String> codes = info.areas().stream().filter(a -> !a.wholeAuthority()).map(AreaRow::code).toList();
        String listed = String.join(", ", codes.subList(0, Math.min(codes.size(), LISTED)));
        return (info.home().isPresent() ? "blank for the whole authority, or " : "") + "an area's code or name: "
                + listed + (codes.size() > LISTED ? " and " + (codes.size() - LISTED) + " more" : "");
    }

    private static final int LISTED = 20;
}
