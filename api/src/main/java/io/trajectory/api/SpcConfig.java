package io.trajectory.api;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.trajectory.warehouse.spc.SpcRules;

/**
 * How trends are read as XmR charts (statistical process control), under {@code trajectory.spc}.
 *
 * @param minimumFigures fewest figures in a trend's range that process limits are worked out from
 * @param shiftLength    figures in a row on one side of the mean that make a shift
 * @param trendLength    figures in a row rising or falling that make a trend
 */
@ConfigurationProperties(SpcConfig.PREFIX)
public record SpcConfig(
        @Bindable(defaultValue = "10") int minimumFigures,
        @Bindable(defaultValue = "7") int shiftLength,
        @Bindable(defaultValue = "6") int trendLength) {

    public static final String PREFIX = "trajectory.spc";

    public SpcRules toRules() {
        return new SpcRules(minimumFigures, shiftLength, trendLength);
    }
}
