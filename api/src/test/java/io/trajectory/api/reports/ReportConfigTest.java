package io.trajectory.api.reports;

import io.trajectory.warehouse.rating.ShareRule;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportConfigTest {

    @Test
    void theShareRuleIsReadAsConfigurationWritesIt() {
        assertThat(new ReportConfig("all-in-force", 12, "node", true).rule()).isEqualTo(ShareRule.ALL_IN_FORCE);
    }

    @Test
    void anUnknownShareRuleNamesTheSettingAndTheRulesThereAre() {
        assertThatThrownBy(() -> new ReportConfig("of-all", 12, "node", true))
                .hasMessage("trajectory.reports.share-rule: Unknown share rule 'of-all'; expected with-data, all-counted, all-in-force");
    }

    @Test
    void anXmrChartNeedsAtLeastTwoQuarters() {
        assertThatThrownBy(() -> new ReportConfig("with-data", 1, "node", true))
                .hasMessageContaining("trajectory.reports.process-quarters must be 2 or more");
    }
}
