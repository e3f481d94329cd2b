package io.trajectory.api.pages;

import io.trajectory.warehouse.rating.Rating;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How a rating is shown on a page: symbol and label together, so it never depends on colour,
 * with the meaning as a tooltip.
 */
public record RatingBadge(String code, String label, String symbol, String meaning, String cssClass) {

    static final RatingBadge NONE = new RatingBadge("", "No rating", "", "No rating was given", "rating rating-none");

    /**
     * The rating columns of a risk-summary table, in the report's order: Green, Amber, Red and
     * Not available always, as the report prints them; Achieved first, only when any item is.
     */
    static List<Rating> summaryColumns(boolean anyAchieved) {
        List<Rating> columns = new ArrayList<>();
        for (Rating r : List.of(Rating.ACHIEVED, Rating.GREEN, Rating.AMBER, Rating.RED, Rating.NOT_AVAILABLE)) {
            if (r != Rating.ACHIEVED || anyAchieved) {
                columns.add(r);
            }
        }
        return columns;
    }

    static RatingBadge of(Rating r) {
        if (r == null) {
            return NONE;
        }
        return new RatingBadge(r.name(), r.label(), r.symbol(), r.meaning(),
                "rating rating-" + r.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }
}
