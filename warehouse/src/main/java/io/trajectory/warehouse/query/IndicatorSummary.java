package io.trajectory.warehouse.query;

import io.trajectory.warehouse.indicator.Accumulation;
import io.trajectory.warehouse.indicator.MeasureUnit;
import io.trajectory.warehouse.indicator.Polarity;

/** The current version of an indicator, for lists. */
public record IndicatorSummary(String ref, String niCode, String title, String theme, Polarity polarity, MeasureUnit unit,
        Accumulation accumulation, Double targetValue, Double stretchTargetValue, boolean rewardTarget, String officer,
        int version) {
}
