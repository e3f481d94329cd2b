package io.trajectory.api.snapshot;

import io.trajectory.warehouse.period.FiscalQuarter;
import io.trajectory.warehouse.query.AreaRow;
import io.trajectory.warehouse.query.ComparisonGroup;
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
        Map<String, IndicatorSummary> indicators, List<ComparisonGroup> groups) {

    public int version() {
        return info.version();
    }

    public Instant publishedAt() {
        return info.publishedAt();
    }

    public String latestPeriod() {
        return info.latestPeriod();
    }

    /** The latest quarter with a return: what answers and pages show unless asked for another. */
    public FiscalQuarter latest() {
        return FiscalQuarter.parse(info.latestPeriod());
    }

    /** The first quarter with a return (else the first the snapshot knows): where a trend starts by default. */
    public FiscalQuarter firstReported() {
        return periods.stream().filter(PeriodRow::hasReturn).findFirst().or(() -> periods.stream().findFirst())
                .map(p -> FiscalQuarter.ofKey(p.key()))
                .orElseThrow(() -> new IllegalStateException("the snapshot has no quarters"));
    }

    /** Quarters that have a published return, newest first: what the pages' quarter controls offer. */
    public List<String> publishedQuarters() {
        return periods.stream().filter(p -> p.hasReturn() && p.published())
                .sorted((a, b) -> Integer.compare(b.key(), a.key())).map(PeriodRow::period).toList();
    }

    /** A comparison group by name, ignoring case. */
    public Optional<ComparisonGroup> group(String name) {
        return groups.stream().filter(g -> g.name().equalsIgnoreCase(name.strip())).findFirst();
    }

    /** An area by its code. */
    public Optional<AreaRow> area(String code) {
        return areas.stream().filter(a -> a.code().equals(code)).findFirst();
    }

    /**
     * The area pages and answers show when none is asked for: the whole authority, when it has
     * figures; empty for a zone of many authorities that reports none for a whole authority.
     */
    public Optional<AreaRow> home() {
        return areas.stream().filter(a -> a.wholeAuthority() && a.hasFigures()).findFirst();
    }

    /** The current definition of an indicator, by its exact reference. */
    public Optional<IndicatorSummary> indicator(String ref) {
        return Optional.ofNullable(indicators.get(ref));
    }
}
