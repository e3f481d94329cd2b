package io.trajectory.warehouse.query;

import io.trajectory.warehouse.period.FiscalQuarter;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static io.trajectory.warehouse.query.Rows.dbl;
import static io.trajectory.warehouse.query.Rows.str;

/**
 * Benchmarking: how an area's figure compares with similar areas' (a comparison group) or with
 * every area of its kind, and a group's median over the quarters. Stateless.
 */
public final class BenchmarkQuery {

    /**
     * One indicator in one quarter across a comparison set: the members of {@code groupKey} when
     * given, else every area of {@code areaType} (every area but the whole authority when null).
     *
     * @param focusArea the area code whose row to pick out, or null
     */
    public Benchmark benchmark(Connection c, String ref, FiscalQuarter period, Basis basis, Integer groupKey,
                               String areaType, String focusArea) throws SQLException {
        Objects.requireNonNull(ref, "ref");
        Map<String, Object> params = new HashMap<>();
        params.put("ref", ref);
        params.put("period_key", period.key());
        params.put("basis", basis.code());
        params.put("group_key", groupKey);
        params.put("area_type", areaType);
        List<BenchmarkSummary> summary = new ArrayList<>(1);
        List<BenchmarkRow> rows = QuerySql.list(c, "benchmark.sql", params, rs -> {
            if (summary.isEmpty()) {
                summary.add(new BenchmarkSummary(rs.getInt("of"), dbl(rs, "median"), dbl(rs, "lower_quartile"),
                        dbl(rs, "upper_quartile"), dbl(rs, "best"), dbl(rs, "worst")));
            }
            return new BenchmarkRow(ref, period.toString(), str(rs, "area_code"), str(rs, "area_name"), rs.getDouble("actual"),
                    rs.getInt("rank"), rs.getInt("of"), rs.getInt("quartile"));
        });
        BenchmarkRow focus = focusArea == null ? null
                : rows.stream().filter(r -> r.area().equals(focusArea)).findFirst().orElse(null);
        return new Benchmark(rows, summary.isEmpty() ? new BenchmarkSummary(0, null, null, null, null, null)
                : summary.get(0), focus);
    }

    /** A group's median figure for {@code ref} in every quarter from {@code from} to {@code to}. */
    public List<GroupMedianPoint> groupMedians(Connection c, String ref, int groupKey, FiscalQuarter from,
                                               FiscalQuarter to, Basis basis) throws SQLException {
        Map<String, Object> params = new HashMap<>();
        params.put("ref", ref);
        params.put("group_key", groupKey);
        params.put("from_key", from.key());
        params.put("to_key", to.key());
        params.put("basis", basis.code());
        return QuerySql.list(c, "trend_group_median.sql", params, rs -> new GroupMedianPoint(str(rs, "period"),
                dbl(rs, "group_median"), rs.getLong("members_with_figure")));
    }

    /** Every comparison group with its members. */
    public List<ComparisonGroup> groups(Connection c) throws SQLException {
        Map<Integer, String> names = new LinkedHashMap<>();
        Map<Integer, List<String>> members = new LinkedHashMap<>();
        QuerySql.list(c, "comparison_groups.sql", Map.of(), rs -> {
            int key = rs.getInt("group_key");
            names.put(key, str(rs, "group_name"));
            members.computeIfAbsent(key, k -> new ArrayList<>()).add(str(rs, "area_code"));
            return null;
        });
        List<ComparisonGroup> out = new ArrayList<>();
        names.forEach((key, name) -> out.add(new ComparisonGroup(key, name, List.copyOf(members.get(key)))));
        return out;
    }
}
