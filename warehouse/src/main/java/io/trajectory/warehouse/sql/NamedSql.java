package io.trajectory.warehouse.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * One SQL statement with {@code :name} parameters, turned into a JDBC statement with
 * positional {@code ?} markers bound in order.
 */
public record NamedSql(String text, String jdbcText, List<String> parameterNames) {

    public static NamedSql parse(String text) {
        SqlText.Rewritten rewritten = SqlText.rewriteNamedParameters(text);
        return new NamedSql(text, rewritten.jdbcText(), List.copyOf(rewritten.names()));
    }

    /**
     * Prepares the statement and binds every parameter.
     *
     * @throws IllegalArgumentException naming a parameter the statement needs but was not given
     */
    public PreparedStatement prepare(Connection connection, Map<String, ?> params) throws SQLException {
        PreparedStatement ps = connection.prepareStatement(jdbcText);
        try {
            for (int i = 0; i < parameterNames.size(); i++) {
                String name = parameterNames.get(i);
                if (!params.containsKey(name)) {
                    throw new IllegalArgumentException("SQL parameter :" + name + " was not given");
                }
                ps.setObject(i + 1, params.get(name));
            }
            return ps;
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
    }
}
