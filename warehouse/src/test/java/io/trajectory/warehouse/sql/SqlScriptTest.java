package io.trajectory.warehouse.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trajectory.warehouse.publish.Publisher;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link SqlScript} run against a real in-memory DuckDB. */
class SqlScriptTest {

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
    void execute_runsEveryStatementInOrderBindingParameters() throws SQLException {
        SqlScript script = SqlScript.parse("setup.sql", """
                -- A script a reader could also run by hand.
                create table t (x integer, label varchar);
                insert into t values (:x, 'first; with :x in it');
                insert into t select x + :step, :label from t; -- :step again below
                insert into t select max(x) + :step, 'third' from t;
                """);

        script.execute(connection, Map.of("x", 10, "step", 5, "label", "second"));

        assertThat(rows("select x, label from t order by x"))
                .containsExactly("10|first; with :x in it", "15|second", "20|third");
    }

    @Test
    void execute_runsAScriptThatEndsWithACommentOnlyStatement() throws SQLException {
        SqlScript script = SqlScript.parse("trailer.sql", "create table t (x integer);\n/* that's all */\n");

        script.execute(connection, Map.of());

        assertThat(rows("select count(*) from t")).containsExactly("0");
    }

    @Test
    void parse_keepsTheNameAndOneNamedSqlPerStatement() {
        SqlScript script = SqlScript.parse("two.sql", "select :a; select :b, :a;");

        assertThat(script.name()).isEqualTo("two.sql");
        assertThat(script.statements()).extracting(NamedSql::parameterNames)
                .containsExactly(List.of("a"), List.of("b", "a"));
    }

    @Test
    void execute_failingStatementThrowsNamingTheScriptAndShowingTheStatement() {
        SqlScript script = SqlScript.parse("03_broken.sql", "create table t (x integer);\nselect * from no_such_table");

        assertThatThrownBy(() -> script.execute(connection, Map.of()))
                .isInstanceOf(SQLException.class)
                .hasMessageStartingWith("03_broken.sql: ")
                .hasMessageContaining("no_such_table")
                .hasMessageContaining("-- in statement:\nselect * from no_such_table");
    }

    @Test
    void execute_failingAtRunTimeAlsoNamesTheScript() {
        SqlScript script = SqlScript.parse("cast.sql", "select :v::integer");

        assertThatThrownBy(() -> script.execute(connection, Map.of("v", "not a number")))
                .isInstanceOf(SQLException.class)
                .hasMessageStartingWith("cast.sql: ");
    }

    @Test
    void execute_withAMissingParameterThrowsIllegalArgumentNamingIt() {
        SqlScript script = SqlScript.parse("needs_lake.sql", "select :lake || '/x'");

        assertThatThrownBy(() -> script.execute(connection, Map.of("include_provisional", true)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(":lake");
    }

    @Test
    void load_readsAScriptFromTheClassPath() {
        SqlScript script = SqlScript.load(Publisher.class, "/io/trajectory/warehouse/publish/00_macros.sql");

        assertThat(script.name()).isEqualTo("/io/trajectory/warehouse/publish/00_macros.sql");
        assertThat(script.statements()).hasSize(3);
        assertThat(script.statements()).allSatisfy(s -> assertThat(s.parameterNames()).isEmpty());
    }

    @Test
    void load_ofAMissingResourceNamesIt() {
        assertThatThrownBy(() -> SqlScript.load(Publisher.class, "no_such.sql"))
                .hasMessageContaining("no_such.sql");
    }

    @Test
    void everyShippedScriptParsesAndUsesOnlyTheParametersThePublisherGives() {
        List<String> resources = new ArrayList<>();
        for (String table : List.of("dim_period", "dim_theme", "dim_area", "dim_comparison_group",
                "bridge_comparison_group_area", "dim_officer", "dim_rating", "dim_indicator", "dim_plan",
                "dim_commitment", "fact_indicator_return", "fact_trajectory", "fact_commitment_return",
                "meta_refresh", "meta_source_file", "meta_return", "meta_quarantine")) {
            resources.add("/io/trajectory/warehouse/schema/" + table + ".sql");
        }
        for (String step : List.of("00_macros", "01_stage_loads", "02_stage_lake", "03_dimensions", "04_facts",
                "05_meta", "06_marts", "07_views")) {
            resources.add("/io/trajectory/warehouse/publish/" + step + ".sql");
        }

        for (String resource : resources) {
            SqlScript script = SqlScript.load(Publisher.class, resource);
            assertThat(script.statements()).as(resource).isNotEmpty();
            assertThat(script.statements()).as(resource)
                    .flatExtracting(NamedSql::parameterNames)
                    .allSatisfy(name -> assertThat(name).isIn("lake", "include_provisional", "reward_share"));
        }
    }

    private List<String> rows(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder b = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    b.append(i == 1 ? "" : "|").append(rs.getString(i));
                }
                out.add(b.toString());
            }
        }
        return out;
    }
}
