package io.trajectory.api.pages;

import io.micronaut.core.annotation.Introspected;
import io.trajectory.warehouse.query.SnapshotInfo;

import java.util.List;

/**
 * What every page shows around its own content.
 *
 * @param here        the page's own address, printed at the foot so a paper can cite it
 * @param snapshot    the snapshot the page was drawn from (null when it reads none)
 * @param publishedAt when that snapshot was published, as people read it
 * @param quarters    the quarters with a published return, newest first, for the quarter controls
 * @param themes      the themes, for the theme controls
 */
@Introspected
public record Frame(String title, String here, SnapshotInfo snapshot, String publishedAt, List<String> quarters,
        List<String> themes) {
}
