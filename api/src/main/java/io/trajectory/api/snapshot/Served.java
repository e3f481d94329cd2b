package io.trajectory.api.snapshot;

import io.trajectory.warehouse.query.AreaRow;
import io.trajectory.warehouse.query.IndicatorSummary;
import io.trajectory.warehouse.query.PeriodRow;
import io.trajectory.warehouse.query.SnapshotInfo;
import io.trajectory.warehouse.query.ThemeRow;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A snapshot being served and its catalogue (areas, themes, quarters, current indicator
 * definitions), read once when it is opened: a snapshot never changes, so requests validate
 * their parameters without another query.
 */
public record Served(SnapshotInfo info, List<AreaRow> areas, List<ThemeRow> themes, List<PeriodRow> periods,
        Map<String, IndicatorSummary> indicators) {

    public int version() {
        return info.version();
    }

    public Instant publishedAt() {
        return info.publishedAt();
    }

    public String latestPeriod() {
        return info.latestPeriod();
    }

    /** The current definition of an indicator, by its exact reference. */
    public Optional<IndicatorSummary> indicator(String ref) {
        return Optional.ofNullable(indicators.get(ref));
    }
}
