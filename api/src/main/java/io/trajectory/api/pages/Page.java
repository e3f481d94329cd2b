package io.trajectory.api.pages;

import io.trajectory.warehouse.query.AreaRow;

import java.util.List;
import java.util.Map;

/** A page's own model (a record the template reads as {@code page}); every page has a title. */
public interface Page {

    /** The page's heading in the browser's title bar. */
    String title();

    /** The area the page shows (its links and controls keep it); null when it shows no one area. */
    default AreaRow shownArea() {
        return null;
    }

    /**
     * The page's state its address may have left to defaults (the quarter, the range): pinned in
     * the printed address, so a paper citing it keeps showing the same figures.
     */
    default Map<String, String> pinned() {
        return Map.of();
    }

    /** The quarters whose figures the page shows, whose sign-off (who, when) it names. */
    default List<String> quartersShown() {
        return List.of();
    }
}
