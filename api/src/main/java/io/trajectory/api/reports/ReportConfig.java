package io.trajectory.api.reports;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.trajectory.warehouse.rating.ShareRule;

/**
 * The quarterly report pack's settings, under {@code trajectory.reports}.
 *
 * @param shareRule        what the pack's percentages are shares of: {@code with-data}, {@code all-counted}
 *                         or {@code all-in-force} ({@link ShareRule})
 * @param processQuarters  the quarters, ending with the pack's, each indicator's XmR chart is read over
 * @param node             the Node.js binary that draws the charts as SVG
 * @param writeAfterRefresh whether a refresh that publishes writes the latest quarter's pack to the data folder
 */
@ConfigurationProperties(ReportConfig.PREFIX)
public record ReportConfig(
        @Bindable(defaultValue = "with-data") String shareRule,
        @Bindable(defaultValue = "12") int processQuarters,
        @Bindable(defaultValue = "node") String node,
        @Bindable(defaultValue = "true") boolean writeAfterRefresh) {

    public static final String PREFIX = "trajectory.reports";

    public ReportConfig {
        try {
            ShareRule.parse(shareRule);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PREFIX + ".share-rule: " + e.getMessage(), e);
        }
        if (processQuarters < 2) {
            throw new IllegalArgumentException(PREFIX + ".process-quarters must be 2 or more, not " + processQuarters);
        }
    }

    public ShareRule rule() {
        return ShareRule.parse(shareRule);
    }
}
