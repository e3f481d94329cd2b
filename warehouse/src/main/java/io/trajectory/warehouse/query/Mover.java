package io.trajectory.warehouse.query;

import io.trajectory.warehouse.rating.Rating;

/**
 * An indicator or commitment whose rating changed between the two quarters compared, with its
 * responsible officer and the commentary given in the later quarter.
 *
 * @param area the area it moved in: its code, {@code ""} for the whole authority, {@code all} for a
 *             commitment (they have no areas)
 * @param ref  an indicator's reference, or a commitment's with its item number after the first,
 *             as the report tells them apart ({@code CPA Res 2 (2)})
 */
public record Mover(String fromPeriod, String toPeriod, String area, String ref, String title, String theme, Rating from,
        Rating to, String officer, String comment) {
}
