package io.trajectory.api.pages;

import io.trajectory.warehouse.rating.Rating;

import java.util.Locale;

/**
 * How a rating is shown on a page: symbol and label together, so it never depends on colour,
 * with the meaning as a tooltip.
 */
public record RatingBadge(String code, String label, String symbol, String meaning, String cssClass) {

    static final RatingBadge NONE = new RatingBadge("", "No rating", "", "No rating was given", "rating rating-none");

    static RatingBadge of(String code) {
        if (code == null || code.isBlank()) {
            return NONE;
        }
        Rating r = Rating.valueOf(code);
        return new RatingBadge(r.name(), r.label(), r.symbol(), r.meaning(),
                "rating rating-" + r.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }
}
