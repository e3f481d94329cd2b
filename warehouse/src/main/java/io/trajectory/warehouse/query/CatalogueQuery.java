package io.trajectory.warehouse.query;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.trajectory.warehouse.indicator.Accumulation;
import io.trajectory.warehouse.indicator.MeasureUnit;
import io.trajectory.warehouse.indicator.Polarity;
import io.trajectory.warehouse.indicator.ReportingFrequency;

import static io.trajectory.warehouse.query.Rows.bool;
import static io.trajectory.warehouse.query.Rows.constant;
import static io.trajectory.warehouse.query.Rows.date;
import static io.trajectory.warehouse.query.Rows.dbl;
import static io.trajectory.warehouse.query.Rows.instant;
import static io.trajectory.warehouse.query.Rows.str;

/** What a snapshot holds: its version, quarters, themes, areas and indicators. Stateless. */
public final class CatalogueQuery {

    public SnapshotInfo snapshotInfo(Connection c) throws SQLException {
        List<SnapshotInfo> rows = QuerySql.list(c, "snapshot_info.sql", Map.of(), rs -> new SnapshotInfo(
                rs.getInt("snapshot_version"), instant(rs, "published_at"), str(rs, "latest_period"),
                rs.getLong("rows_loaded"), rs.getLong("rows_quarantined")));
        if (rows.size() != 1) {
            throw new SQLException("meta_refresh should hold one row, not " + rows.size());
        }
        return rows.get(0);
    }

    public List<PeriodRow> periods(Connection c) throws SQLException {
        return QuerySql.list(c, "periods.sql", Map.of(), rs -> new PeriodRow(
                str(rs, "period"), rs.getInt("period_key"), str(rs, "fiscal_year_label"), rs.getInt("quarter"),
                date(rs, "start_date"), date(rs, "end_date"), bool(rs, "has_return"), bool(rs, "is_signed_off"),
                str(rs, "signed_off_by"), instant(rs, "signed_off_at"), bool(rs, "is_published"),
                bool(rs, "is_provisional"), rs.getLong("figures_reported")));
    }

    public List<ThemeRow> themes(Connection c) throws SQLException {
        return QuerySql.list(c, "themes.sql", Map.of(), rs -> new ThemeRow(str(rs, "theme"), rs.getInt("indicators")));
    }

    public List<AreaRow> areas(Connection c) throws SQLException {
        return QuerySql.list(c, "areas.sql", Map.of(),
                rs -> new AreaRow(rs.getInt("area_key"), str(rs, "area_code"), str(rs, "area_name"),
                        bool(rs, "is_whole_authority"), str(rs, "area_type"), str(rs, "parent_area_code"),
                        bool(rs, "has_figures")));
    }

    /**
     * Current indicator versions, optionally only one theme (case-insensitive) and only those
     * whose reference, national code or title contains {@code q} (case-insensitive).
     */
    public List<IndicatorSummary> indicators(Connection c, String theme, String q) throws SQLException {
        Map<String, Object> params = new HashMap<>();
        params.put("theme", blankToNull(theme));
        params.put("q", blankToNull(q));
        return QuerySql.list(c, "indicators.sql", params, rs -> new IndicatorSummary(
                str(rs, "indicator_ref"), str(rs, "ni_code"), str(rs, "title"), str(rs, "theme"),
                constant(rs, "polarity", Polarity.class), constant(rs, "unit", MeasureUnit.class),
                constant(rs, "accumulation", Accumulation.class), dbl(rs, "target_value"), dbl(rs, "stretch_target_value"),
                bool(rs, "is_reward_target"), str(rs, "officer"), rs.getInt("version"),
                constant(rs, "frequency", ReportingFrequency.class), Rows.integer(rs, "due_quarter")));
    }

    /** One indicator's definition, trajectory and history of changes; empty when unknown. */
    public Optional<IndicatorDetail> indicator(Connection c, String ref) throws SQLException {
        Objects.requireNonNull(ref, "ref");
        Map<String, Object> params = Map.of("ref", ref);
        List<IndicatorVersion> versions = QuerySql.list(c, "indicator_versions.sql", params, rs -> new IndicatorVersion(
                rs.getInt("version"), str(rs, "indicator_ref"), str(rs, "ni_code"), str(rs, "title"), str(rs, "theme"),
                constant(rs, "polarity", Polarity.class), constant(rs, "unit", MeasureUnit.class),
                constant(rs, "accumulation", Accumulation.class), str(rs, "baseline_period"),
                dbl(rs, "baseline_value"), str(rs, "target_period"), dbl(rs, "target_value"),
                dbl(rs, "stretch_target_value"), bool(rs, "is_reward_target"), str(rs, "officer"),
                str(rs, "valid_from"), str(rs, "valid_to"), bool(rs, "is_current"), List.of(),
                constant(rs, "frequency", ReportingFrequency.class), Rows.integer(rs, "due_quarter")));
        if (versions.isEmpty()) {
            return Optional.empty();
        }
        List<IndicatorVersion> history = new ArrayList<>();
        IndicatorVersion before = null;
        for (IndicatorVersion v : versions) {
            history.add(v.withChanges(before == null ? List.of() : changes(before, v)));
            before = v;
        }
        IndicatorVersion now = history.stream().filter(IndicatorVersion::current).findFirst()
                .orElse(history.get(history.size() - 1));
        List<TrajectoryPoint> trajectory = QuerySql.list(c, "indicator_trajectory.sql", params, rs -> new TrajectoryPoint(
                str(rs, "indicator_ref"), str(rs, "period"), dbl(rs, "baseline_value"), dbl(rs, "planned_value"), dbl(rs, "stretch_planned_value"),
                dbl(rs, "reward_threshold"), bool(rs, "is_explicit")));
        return Optional.of(new IndicatorDetail(now.ref(), now.niCode(), now.title(), now.theme(), now.polarity(), now.unit(),
                now.accumulation(), now.frequency(), now.dueQuarter(), now.baselinePeriod(), now.baselineValue(), now.targetPeriod(), now.targetValue(),
                now.stretchTargetValue(), now.rewardTarget(), now.officer(), trajectory, List.copyOf(history)));
    }

    /** What changed from one version to the next, in words. */
    static List<String> changes(IndicatorVersion a, IndicatorVersion b) {
        List<String> out = new ArrayList<>();
        change(out, "title", a.title(), b.title());
        change(out, "national code", a.niCode(), b.niCode());
        change(out, "theme", a.theme(), b.theme());
        change(out, "polarity", a.polarity(), b.polarity());
        change(out, "unit", a.unit(), b.unit());
        change(out, "accumulation", a.accumulation(), b.accumulation());
        change(out, "frequency", schedule(a), schedule(b));
        change(out, "baseline period", a.baselinePeriod(), b.baselinePeriod());
        change(out, "baseline", a.baselineValue(), b.baselineValue());
        change(out, "target period", a.targetPeriod(), b.targetPeriod());
        change(out, "target", a.targetValue(), b.targetValue());
        change(out, "stretch target", a.stretchTargetValue(), b.stretchTargetValue());
        change(out, "reward target", a.rewardTarget(), b.rewardTarget());
        change(out, "responsible officer", a.officer(), b.officer());
        return out;
    }

    /** "ANNUAL (due in Q4)", "QUARTERLY". */
    private static String schedule(IndicatorVersion v) {
        return v.dueQuarter() == null ? String.valueOf(v.frequency()) : v.frequency() + " (due in Q" + v.dueQuarter() + ")";
    }

    private static void change(List<String> out, String what, Object from, Object to) {
        if (!Objects.equals(from, to)) {
            out.add(what + ": " + words(from) + " to " + words(to));
        }
    }

    private static String words(Object v) {
        if (v == null) {
            return "(none)";
        }
        if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString(d.longValue());
        }
        if (v instanceof Boolean b) {
            return b ? "yes" : "no";
        }
        return "'" + v + "'";
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
