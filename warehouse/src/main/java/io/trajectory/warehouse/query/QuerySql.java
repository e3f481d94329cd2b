package io.trajectory.warehouse.query;

import io.trajectory.warehouse.sql.NamedSql;
import io.trajectory.warehouse.sql.SqlScript;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The query files under {@code query/*.sql}: each holds one statement with {@code :named}
 * parameters, which are always bound, never spliced into the text.
 */
final class QuerySql {

    private static final Map<String, NamedSql> CACHE = new ConcurrentHashMap<>();

    /** Maps the current row of a result set to a value. */
    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private QuerySql() {
    }

    static NamedSql named(String file) {
        return CACHE.computeIfAbsent(file, f -> {
            List<NamedSql> statements = SqlScript.load(QuerySql.class, f).statements();
            if (statements.size() != 1) {
                throw new IllegalStateException(f + " must hold exactly one statement, not " + statements.size());
            }
            return statements.get(0);
        });
    }

    /** Runs {@code file} with {@code params} and maps every row. */
    static <T> List<T> list(Connection c, String file, Map<String, ?> params, RowMapper<T> mapper) throws SQLException {
        try (PreparedStatement ps = named(file).prepare(c, params);
             ResultSet rs = ps.executeQuery()) {
            List<T> out = new ArrayList<>();
            while (rs.next()) {
                out.add(mapper.map(rs));
            }
            return out;
        } catch (SQLException e) {
            throw new SQLException("query/" + file + ": " + e.getMessage(), e.getSQLState(), e);
        }
    }
}
