package io.trajectory.api;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.trajectory.warehouse.rating.RatingRuleConfig;

/**
 * The computed-rating rule, under {@code trajectory.rating}: bound to the warehouse's
 * {@link RatingRuleConfig}, so choosing a council's rule is configuration, not code.
 *
 * @param rule          {@code trajectory} (default) or {@code tolerance-band}
 * @param tolerance     tolerance-band: the green band as a fraction of the planned value
 * @param fallback      tolerance-band: {@code same-quarter-last-year} or {@code previous-quarter}
 * @param trendQuarters trajectory: how many recent quarters the projected trend is fitted over
 * @param amberTolerance trajectory: amber when a level indicator is behind by no more than this share of
 *                      its planned improvement, when that allows more than the plan tolerance
 * @param planAmberTolerance trajectory: amber when behind by no more than this share of the planned value
 *                      (the year-to-date plan when cumulative)
 */
@ConfigurationProperties(RatingConfig.PREFIX)
public record RatingConfig(
        @Bindable(defaultValue = "trajectory") String rule,
        @Bindable(defaultValue = "0.10") double tolerance,
        @Bindable(defaultValue = "same-quarter-last-year") String fallback,
        @Bindable(defaultValue = "4") int trendQuarters,
        @Bindable(defaultValue = "0.15") double amberTolerance,
        @Bindable(defaultValue = "0.10") double planAmberTolerance) {

    public static final String PREFIX = "trajectory.rating";

    public RatingRuleConfig toRuleConfig() {
        return new RatingRuleConfig(rule, tolerance, fallback, trendQuarters, amberTolerance, planAmberTolerance);
    }
}
