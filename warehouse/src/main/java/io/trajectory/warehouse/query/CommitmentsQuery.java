package io.trajectory.warehouse.query;

import io.trajectory.warehouse.period.FiscalQuarter;
import io.trajectory.warehouse.rating.Rating;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.trajectory.warehouse.query.Rows.bool;
import static io.trajectory.warehouse.query.Rows.constant;
import static io.trajectory.warehouse.query.Rows.str;

/** The commitments report for a quarter, as recorded. Stateless. */
public final class CommitmentsQuery {

    /** {@code rating} null = every rating. */
    public List<CommitmentRow> commitments(Connection c, FiscalQuarter period, Rating rating) throws SQLException {
        Map<String, Object> params = new HashMap<>();
        params.put("period_key", period.key());
        params.put("rating", rating == null ? null : rating.name());
        return QuerySql.list(c, "commitments.sql", params, rs -> {
            Rating stated = constant(rs, "stated_previous_rating", Rating.class);
            Rating recorded = constant(rs, "recorded_previous_rating", Rating.class);
            String statedPeriod = str(rs, "stated_previous_period");
            // only a statement about last quarter can contradict what last quarter's report said
            boolean aboutLastQuarter = statedPeriod != null && FiscalQuarter.parse(statedPeriod).equals(period.previous());
            return new CommitmentRow(str(rs, "period"), str(rs, "ref"), rs.getInt("item"), str(rs, "priority"),
                    str(rs, "achieve"), str(rs, "officer"), constant(rs, "rating", Rating.class), stated, statedPeriod, recorded,
                    str(rs, "status_text"), str(rs, "comment"), str(rs, "section"), bool(rs, "is_provisional"),
                    aboutLastQuarter && stated != null && recorded != null && stated != recorded);
        });
    }
}
