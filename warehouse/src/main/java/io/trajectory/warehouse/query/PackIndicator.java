package io.trajectory.warehouse.query;

import io.trajectory.warehouse.rating.Rating;
import io.trajectory.warehouse.spc.Assurance;
import io.trajectory.warehouse.spc.Variation;
import io.trajectory.warehouse.trajectory.DirectionOfTravel;

/**
 * An indicator as the quarterly report pack lists it: its officer's rating and the computed one,
 * the trend the officer recorded and the direction of travel against the previous quarter, and
 * what its XmR chart says (the latest figure's variation and the assurance against the target,
 * as the trend answer's {@code meta.processControl} gives them; null with
 * {@code processControlReason} when there are too few figures or no target), with where it
 * stands against its plan and the officer's commentary.
 */
public record PackIndicator(String ref, String title, String theme, String officer, Rating rating,
        Rating computedRating, boolean ratingsDisagree, DirectionOfTravel officerTrend,
        DirectionOfTravel directionVsPreviousQuarter, String directionReason, Variation variation,
        Assurance assurance, String processControlReason, Double actual, Double planned, Double gap,
        Double gapToStretch, Double gapToReward, String comment) {
}
