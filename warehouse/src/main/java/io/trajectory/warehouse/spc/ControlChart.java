package io.trajectory.warehouse.spc;

import java.util.List;

/**
 * An XmR chart of a series: its limits (null when there are too few figures, with the reason),
 * the special causes and variation of each figure (in the order given; empty causes and null
 * variation where there is no figure or no limits), the variation of the latest figure and the
 * assurance against a target (null, with a reason, when there is no target or no limits).
 */
public record ControlChart(ProcessLimits limits, String limitsReason, List<Point> points, Variation variation,
                           Assurance assurance, String assuranceReason) {

    /** One quarter of the chart. */
    public record Point(List<SpecialCause> specialCause, Variation variation) {
    }
}
