package io.trajectory.api.web;

import io.trajectory.warehouse.query.AreaRow;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An area chosen by a request: {@code key} null = every area together; {@code label} is what
 * {@code meta.area} and the extracts' {@code area} column say: {@code ""} for the whole authority,
 * {@code all}, or the area's code.
 */
public record AreaChoice(Integer key, String label) {

    /** Every area together; also what commitments (which have no areas) are counted over. */
    public static final AreaChoice ALL = new AreaChoice(null, "all");

    /**
     * The area a request names: blank = the whole authority, {@code all} = every area together
     * (only where {@code allowAll}), otherwise an area code or name (case-insensitive).
     *
     * @throws ProblemException 400 naming {@code area} and the areas there are
     */
    public static AreaChoice of(String text, List<AreaRow> areas, boolean allowAll) {
        String forms = "blank for the whole authority, " + (allowAll ? "'all' for every area together, " : "")
                + "or one of: " + areas.stream().filter(a -> !a.wholeAuthority()).map(AreaRow::code)
                .collect(Collectors.joining(", "));
        if (text == null || text.isBlank()) {
            return wholeAuthority(areas);
        }
        String t = text.strip();
        if (t.equalsIgnoreCase("all")) {
            if (!allowAll) {
                throw ProblemException.badParameter("area", "Parameter 'area': 'all' is not possible here; name one area.", forms);
            }
            return ALL;
        }
        return areas.stream()
                .filter(a -> a.code().equalsIgnoreCase(t) || a.name().equalsIgnoreCase(t))
                .findFirst()
                .map(a -> new AreaChoice(a.key(), a.code()))
                .orElseThrow(() -> ProblemException.badParameter("area", "Unknown area '" + t + "'.", forms));
    }

    /** The whole authority: what the pages show unless an area is chosen. */
    public static AreaChoice wholeAuthority(List<AreaRow> areas) {
        return areas.stream().filter(AreaRow::wholeAuthority).findFirst()
                .map(a -> new AreaChoice(a.key(), ""))
                .orElseThrow(() -> ProblemException.notFound("area", "This snapshot has no whole-authority area."));
    }

    /** For a chart's subtitle: "Whole authority.", "All areas together." or "Area: NORTH.". */
    public String describe() {
        return switch (label) {
            case "" -> "Whole authority.";
            case "all" -> "All areas together.";
            default -> "Area: " + label + ".";
        };
    }
}
