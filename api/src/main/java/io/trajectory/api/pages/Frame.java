package io.trajectory.api.pages;

import io.micronaut.core.annotation.Introspected;
import io.trajectory.warehouse.query.AreaRow;
import io.trajectory.warehouse.query.SnapshotInfo;

import java.util.List;

/**
 * What every page shows around its own content.
 *
 * @param here        the page's own address with its quarter pinned, printed at the foot so a paper can cite it
 * @param snapshot    the snapshot the page was drawn from (null when it reads none)
 * @param publishedAt when that snapshot was published, as people read it
 * @param quarters    the quarters with a published return, newest first, for the quarter controls
 * @param themes      the themes, for the theme controls
 * @param area        the area the page shows, or null
 * @param areaLink    the {@code area} its links carry: the area's code, or nothing for the snapshot's home
 * @param areaHeading the area's name for headings, or null for the snapshot's home
 * @param areas       the choices of the area control: empty (no control) unless more than one area has figures
 * @param signOffs    who signed off the quarters the page shows, and when, in words
 * @param admin       whether the reader is an admin (who alone sees the link to the refreshes)
 */
@Introspected
public record Frame(String title, String here, SnapshotInfo snapshot, String publishedAt, List<String> quarters,
        List<String> themes, AreaRow area, List<String> areaLink, String areaHeading, List<AreaOption> areas,
        List<String> signOffs, boolean admin) {

    /** The value the area control has selected: blank for the whole authority. */
    public String areaValue() {
        return area == null || area.wholeAuthority() ? "" : area.code();
    }

    /** A choice of the area control. */
    public record AreaOption(String value, String label) {
    }
}
