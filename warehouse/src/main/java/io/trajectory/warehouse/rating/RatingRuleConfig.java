package io.trajectory.warehouse.rating;

import java.util.List;
import java.util.Locale;

/**
 * Which computed-rating rule a council uses, and its settings, as read from configuration
 * ({@code application.yml}, CLI flags), so that changing rule is a setting, not a code edit.
 *
 * @param rule          {@code trajectory} (the default) or {@code tolerance-band}; blank means the default
 * @param tolerance     for {@code tolerance-band}: the green band as a fraction of |planned|, 0 to 1 (default 0.10)
 * @param fallback      for {@code tolerance-band}: {@code same-quarter-last-year} (default) or
 *                      {@code previous-quarter}; blank means the default
 * @param trendQuarters how many recent quarters the slope projected by {@code trajectory} is
 *                      fitted over (default 4, at least 2)
 * @param amberTolerance for {@code trajectory}: amber when behind by no more than this share of the
 *                      planned improvement, baseline to final target (LEVEL; default 0.15), 0 to 1
 * @param planAmberTolerance for {@code trajectory}: amber when behind by no more than this share
 *                      of the planned value (the year-to-date plan when cumulative; default 0.10), 0 to 1
 */
public record RatingRuleConfig(String rule, double tolerance, String fallback, int trendQuarters,
                               double amberTolerance, double planAmberTolerance) {

    public static final String DEFAULT_RULE = TrajectoryRatingRule.NAME;
    public static final double DEFAULT_TOLERANCE = ToleranceBandRatingRule.DEFAULT_TOLERANCE;
    public static final String DEFAULT_FALLBACK = ToleranceBandRatingRule.DEFAULT_FALLBACK.configName();
    public static final int DEFAULT_TREND_QUARTERS = 4;
    public static final double DEFAULT_AMBER_TOLERANCE = TrajectoryRatingRule.DEFAULT_AMBER_TOLERANCE;
    public static final double DEFAULT_PLAN_AMBER_TOLERANCE = TrajectoryRatingRule.DEFAULT_PLAN_AMBER_TOLERANCE;

    private static final List<String> KNOWN_RULES = List.of(TrajectoryRatingRule.NAME, ToleranceBandRatingRule.NAME);

    public RatingRuleConfig {
        rule = rule == null || rule.isBlank() ? DEFAULT_RULE : rule.strip();
        fallback = fallback == null || fallback.isBlank() ? DEFAULT_FALLBACK : fallback.strip();
        if (!(tolerance >= 0 && tolerance <= 1)) {
            throw new IllegalArgumentException("rating tolerance must be a fraction between 0 and 1 (0.1 for 10%), not " + tolerance);
        }
        if (trendQuarters < 2) {
            throw new IllegalArgumentException("rating trend quarters must be at least 2, not " + trendQuarters);
        }
        if (!(amberTolerance >= 0 && amberTolerance <= 1) || !(planAmberTolerance >= 0 && planAmberTolerance <= 1)) {
            throw new IllegalArgumentException("amber tolerances must be fractions between 0 and 1 (0.15 for 15%), not "
                    + amberTolerance + " and " + planAmberTolerance);
        }
    }

    /** With the default amber tolerances. */
    public RatingRuleConfig(String rule, double tolerance, String fallback, int trendQuarters) {
        this(rule, tolerance, fallback, trendQuarters, DEFAULT_AMBER_TOLERANCE, DEFAULT_PLAN_AMBER_TOLERANCE);
    }

    /** The trajectory rule (amber within 10% of plan or 15% of the improvement), with 10%, the same quarter last year and a 4-quarter trend as the other settings. */
    public static RatingRuleConfig defaults() {
        return new RatingRuleConfig(DEFAULT_RULE, DEFAULT_TOLERANCE, DEFAULT_FALLBACK, DEFAULT_TREND_QUARTERS);
    }

    /** The names {@link #create()} accepts. */
    public static List<String> knownRules() {
        return KNOWN_RULES;
    }

    /**
     * The configured rule. Names are matched ignoring case, with {@code _} or spaces for {@code -}.
     *
     * @throws IllegalArgumentException for an unknown rule, listing the known ones, or an unknown fallback
     */
    public RatingRule create() {
        String name = rule.toLowerCase(Locale.ROOT).replaceAll("[\\s_]+", "-");
        return switch (name) {
            case TrajectoryRatingRule.NAME -> TrajectoryRatingRule.of(amberTolerance, planAmberTolerance);
            case ToleranceBandRatingRule.NAME -> ToleranceBandRatingRule.of(tolerance, FallbackComparison.parse(fallback));
            default -> throw new IllegalArgumentException("Unknown rating rule '" + rule + "'; known rules: "
                    + String.join(", ", KNOWN_RULES));
        };
    }
}
