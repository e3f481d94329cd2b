package io.trajectory.warehouse.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link NamedSql} against a real in-memory DuckDB. */
class NamedSqlTest {

    private Connection connection;

    @BeforeEach
    void open() throws SQLException {
        connection = DriverManager.getConnection("jdbc:duckdb:");
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void parse_keepsTheOriginalTextBesideTheJdbcText() {
        NamedSql sql = NamedSql.parse("select :a + :b");

        assertThat(sql.text()).isEqualTo("select :a + :b");
        assertThat(sql.jdbcText()).isEqualTo("select ? + ?");
        assertThat(sql.parameterNames()).containsExactly("a", "b");
    }

    @Test
    void prepare_bindsEachUseOfAParameterByName() throws SQLException {
        NamedSql sql = NamedSql.parse("select :a * 100 + :b * 10 + :a as n, ':b' as s");

        try (PreparedStatement ps = sql.prepare(connection, Map.of("a", 1, "b", 2));
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            assertThat(rs.getInt("n")).isEqualTo(121);
            assertThat(rs.getString("s")).isEqualTo(":b");
        }
    }

    @Test
    void prepare_bindsACastParameter() throws SQLException {
        NamedSql sql = NamedSql.parse("select :d::date + 1 as next_day");

        try (PreparedStatement ps = sql.prepare(connection, Map.of("d", "2007-03-31"));
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("2007-04-01");
        }
    }

    @Test
    void prepare_bindsAGivenNullAsSqlNull() throws SQLException {
        Map<String, Object> params = new HashMap<>();
        params.put("x", null);

        try (PreparedStatement ps = NamedSql.parse("select :x::integer is null").prepare(connection, params);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            assertThat(rs.getBoolean(1)).isTrue();
        }
    }

    @Test
    void prepare_ignoresParametersTheStatementDoesNotUse() throws SQLException {
        try (PreparedStatement ps = NamedSql.parse("select :a").prepare(connection, Map.of("a", 7, "unused", 8));
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(7);
        }
    }

    @Test
    void prepare_withAMissingParameterThrowsIllegalArgumentNamingIt() {
        NamedSql sql = NamedSql.parse("select :given, :forgotten");

        assertThatThrownBy(() -> sql.prepare(connection, Map.of("given", 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(":forgotten");
    }
}
