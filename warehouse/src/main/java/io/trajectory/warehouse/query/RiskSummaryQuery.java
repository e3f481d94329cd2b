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
import java.util.function.Function;

import static io.trajectory.warehouse.query.Rows.constant;
import static io.trajectory.warehouse.query.Rows.str;

/**
 * The Indicator Risk Summary of a quarter, as the partnership's report prints it: each theme's
 * (and the Totals') ratings in the quarter, the quarter before and the same quarter last year,
 * with shares under the share rule of {@link RatingCounts}. Stateless.
 */
public final class RiskSummaryQuery {

    /** Every theme (then Totals) and rating, in report order; {@code areaKey} null = every area together. */
    public List<RiskSummaryRow> summary(Connection c, FiscalQuarter period, Basis basis, Integer areaKey)
            throws SQLException {
        Map<String, Object> params = new HashMap<>();
        params.put("period_key", period.key());
        params.put("basis", basis.code());
        params.put("area_key", areaKey);
        List<Cell> cells = QuerySql.list(c, "risk_summary.sql", params, rs -> new Cell(str(rs, "area"), str(rs, "theme"),
                constant(rs, "rating", Rating.class), str(rs, "period"), rs.getLong("count"), str(rs, "previous_period"),
                Rows.boxedLong(rs, "previous_count"), str(rs, "last_year_period"), Rows.boxedLong(rs, "last_year_count")));
        Map<String, List<Cell>> byTheme = new LinkedHashMap<>();
        cells.forEach(cell -> byTheme.computeIfAbsent(cell.theme(), t -> new ArrayList<>()).add(cell));
        List<RiskSummaryRow> out = new ArrayList<>();
        byTheme.forEach((theme, themeCells) -> {
            RatingCounts now = counts(themeCells, Cell::count);
            RatingCounts previous = counts(themeCells, Cell::previousCount);
            RatingCounts lastYear = counts(themeCells, Cell::lastYearCount);
            for (Cell x : themeCells) {
                out.add(new RiskSummaryRow(x.area(), theme, x.rating(), x.period(), x.count(), share(now, x.rating()),
                        x.previousPeriod(), x.previousCount(), x.previousCount() == null ? null : share(previous, x.rating()),
                        x.lastYearPeriod(), x.lastYearCount(),
                        x.lastYearCount() == null ? null : share(lastYear, x.rating())));
            }
        });
        return out;
    }

    /** One quarter's counts of a theme's ratings; a quarter with no published return has none. */
    private static RatingCounts counts(List<Cell> cells, Function<Cell, Long> count) {
        RatingCounts.Builder b = RatingCounts.builder();
        for (Cell cell : cells) {
            Long n = count.apply(cell);
            if (n != null) {
                b.add(cell.rating(), n);
            }
        }
        return b.build();
    }

    private static Double share(RatingCounts counts, Rating rating) {
        return TrendQuery.boxed(counts.share(rating));
    }

    /** A row of risk_summary.sql: counts, before the share rule. */
    private record Cell(String area, String theme, Rating rating, String period, long count, String previousPeriod,
            Long previousCount, String lastYearPeriod, Long lastYearCount) {
    }
}
