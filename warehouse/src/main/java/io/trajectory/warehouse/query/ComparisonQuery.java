package io.trajectory.warehouse.query;

import io.trajectory.warehouse.period.FiscalQuarter;
import io.trajectory.warehouse.rating.Rating;
import io.trajectory.warehouse.rating.RatingCounts;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.trajectory.warehouse.query.Rows.constant;
import static io.trajectory.warehouse.query.Rows.str;

/**
 * The cross-quarter comparison family: two quarters (not necessarily adjacent) compared by theme
 * and rating, the transition matrix between them, and the items whose rating changed. Shares
 * follow the share rule of {@link RatingCounts}. Transitions and movers count the same pairs, the
 * snapshot's {@code rating_pairs} macro. Stateless.
 */
public final class ComparisonQuery {

    /** Every mover; see {@link #compare(Connection, FiscalQuarter, FiscalQuarter, Subject, Basis, Integer, long)}. */
    public Comparison compare(Connection c, FiscalQuarter from, FiscalQuarter to, Subject subject, Basis basis,
            Integer areaKey) throws SQLException {
        return compare(c, from, to, subject, basis, areaKey, Long.MAX_VALUE);
    }

    /**
     * {@code areaKey} null = every area together (indicators; commitments have no areas). At most
     * {@code moversLimit} movers are listed (a national comparison has tens of thousands);
     * {@link Comparison#moversTotal()} says how many there are.
     */
    public Comparison compare(Connection c, FiscalQuarter from, FiscalQuarter to, Subject subject, Basis basis,
            Integer areaKey, long moversLimit) throws SQLException {
        Map<String, Object> params = new HashMap<>();
        params.put("subject", subject.code());
        params.put("from_key", from.key());
        params.put("to_key", to.key());
        params.put("basis", basis.code());
        params.put("area_key", areaKey);
        params.put("movers_limit", Math.max(0, moversLimit));
        // consecutive quarters and a quarter against the same quarter last year are pre-aggregated
        int apart = from.quartersUntil(to);
        boolean precomputed = subject == Subject.INDICATORS && (apart == 1 || apart == 4);
        long[] total = new long[1];
        List<Mover> movers = movers(c, params, precomputed, total);
        return new Comparison(rows(c, params, from, to), transitions(c, params, precomputed), movers, total[0]);
    }

    private List<ComparisonRow> rows(Connection c, Map<String, Object> params, FiscalQuarter from, FiscalQuarter to)
            throws SQLException {
        record Cell(String area, String theme, Rating rating, long from, long to) {
        }
        List<Cell> cells = QuerySql.list(c, "comparison_rows.sql", params, rs -> new Cell(str(rs, "area"),
                str(rs, "theme"), constant(rs, "rating", Rating.class), rs.getLong("from_count"), rs.getLong("to_count")));
        Map<String, List<Cell>> byTheme = new LinkedHashMap<>();
        cells.forEach(cell -> byTheme.computeIfAbsent(cell.theme(), t -> new ArrayList<>()).add(cell));
        List<ComparisonRow> out = new ArrayList<>();
        byTheme.forEach((theme, themeCells) -> {
            RatingCounts.Builder fromCounts = RatingCounts.builder();
            RatingCounts.Builder toCounts = RatingCounts.builder();
            themeCells.forEach(cell -> {
                fromCounts.add(cell.rating(), cell.from());
                toCounts.add(cell.rating(), cell.to());
            });
            RatingCounts before = fromCounts.build();
            RatingCounts after = toCounts.build();
            themeCells.forEach(cell -> out.add(new ComparisonRow(from.toString(), to.toString(), cell.area(), theme,
                    cell.rating(), cell.from(), cell.to(), TrendQuery.boxed(before.share(cell.rating())),
                    TrendQuery.boxed(after.share(cell.rating())))));
        });
        return out;
    }

    private List<Transition> transitions(Connection c, Map<String, Object> params, boolean precomputed) throws SQLException {
        return QuerySql.list(c, precomputed ? "comparison_transitions_precomputed.sql" : "comparison_transitions.sql", params,
                rs -> new Transition(str(rs, "from_period"), str(rs, "to_period"), str(rs, "area"),
                        constant(rs, "from_rating", Rating.class), constant(rs, "to_rating", Rating.class),
                        rs.getLong("items")));
    }

    private List<Mover> movers(Connection c, Map<String, Object> params, boolean precomputed, long[] total)
            throws SQLException {
        return QuerySql.list(c, precomputed ? "comparison_movers_precomputed.sql" : "comparison_movers.sql", params, rs -> {
            total[0] = rs.getLong("movers_total");
            return new Mover(str(rs, "from_period"), str(rs, "to_period"), str(rs, "area"), str(rs, "ref"),
                    str(rs, "title"), str(rs, "theme"), constant(rs, "from_rating", Rating.class),
                    constant(rs, "to_rating", Rating.class), str(rs, "officer"), str(rs, "comment"));
        });
    }
}
