package io.trajectory.warehouse.rating;

/**
 * A way of rating an indicator from its numbers. Councils choose a rule (and its settings)
 * by configuration through {@link RatingRuleConfig}, not by editing code. Implementations are
 * immutable and thread-safe.
 */
public interface RatingRule {

    /** Rates one indicator for one quarter, with the reason. */
    ComputedRating rate(RatingInputs in);

    /** The name the rule is configured by, e.g. {@code trajectory}. */
    String name();

    /** One sentence saying how the rule rates, with its settings, for pages and reports. */
    String description();
}
