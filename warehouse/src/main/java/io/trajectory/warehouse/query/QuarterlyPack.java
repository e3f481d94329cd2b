package io.trajectory.warehouse.query;

import io.trajectory.warehouse.rating.ShareRule;

import java.util.List;

/**
 * The quarterly report pack of one quarter, in one area, as the committee reads it: the summary's
 * figures, the Indicator Risk Summary (shares under the pack's share rule), the Red risks in
 * detail, the commitments report's sections and every indicator in force with its rating,
 * direction and statistical process control.
 *
 * @param quarter        the quarter's return and its sign-off (who, when)
 * @param firstPeriod    the first quarter of the trends the XmR charts are read over
 * @param riskSummary    as {@link RiskSummaryQuery} gives it, with shares under {@code shareRule}
 * @param redRisks       the indicators rated Red, in theme and reference order
 * @param commitments    every section of the quarter's commitments report, in report order
 * @param indicators     every indicator in force, in theme and reference order
 */
public record QuarterlyPack(String period, String previousPeriod, String basis, String area, PeriodRow quarter,
        String firstPeriod, ShareRule shareRule, PackHeadline headline, List<RiskSummaryRow> riskSummary,
        List<PackIndicator> redRisks, List<CommitmentGroup> commitments, List<PackIndicator> indicators) {
}
