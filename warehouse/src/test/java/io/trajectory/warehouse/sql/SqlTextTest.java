package io.trajectory.warehouse.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The lexer behind {@link NamedSql} and {@link SqlScript}: parameters and statement splitting. */
class SqlTextTest {

    // --- named parameters -------------------------------------------------------------------

    @Test
    void rewrite_replacesEachParameterWithAMarkerInOrderOfAppearance() {
        SqlText.Rewritten r = SqlText.rewriteNamedParameters("select * from t where b = :second and a = :first");

        assertThat(r.jdbcText()).isEqualTo("select * from t where b = ? and a = ?");
        assertThat(r.names()).containsExactly("second", "first");
    }

    @Test
    void rewrite_listsAParameterUsedTwiceOncePerUse() {
        SqlText.Rewritten r = SqlText.rewriteNamedParameters("select :lake || '/a', :other, :lake || '/b'");

        assertThat(r.jdbcText()).isEqualTo("select ? || '/a', ?, ? || '/b'");
        assertThat(r.names()).containsExactly("lake", "other", "lake");
    }

    @Test
    void rewrite_acceptsUnderscoresAndDigitsInNames() {
        SqlText.Rewritten r = SqlText.rewriteNamedParameters("select :include_provisional, :p2");

        assertThat(r.names()).containsExactly("include_provisional", "p2");
    }

    @Test
    void rewrite_leavesColonsInsideStringLiteralsAlone() {
        SqlText.Rewritten r = SqlText.rewriteNamedParameters("select ':not_a_param', '12:30', :real");

        assertThat(r.jdbcText()).isEqualTo("select ':not_a_param', '12:30', ?");
        assertThat(r.names()).containsExactly("real");
    }

    @Test
    void rewrite_seesPastADoubledQuoteInsideAString() {
        SqlText.Rewritten r = SqlText.rewriteNamedParameters("select 'it''s :x', :y");

        assertThat(r.jdbcText()).isEqualTo("select 'it''s :x', ?");
        assertThat(r.names()).containsExactly("y");
    }

    @Test
    void rewrite_leavesColonsInsideQuotedIdentifiersAlone() {
        SqlText.Rewritten r = SqlText.rewriteNamedParameters("select 1 as \":odd name\", :x from \"t:1\"");

        assertThat(r.jdbcText()).isEqualTo("select 1 as \":odd name\", ? from \"t:1\"");
        assertThat(r.names()).containsExactly("x");
    }

    @Test
    void rewrite_ignoresParametersInLineComments() {
        SqlText.Rewritten r = SqlText.rewriteNamedParameters("-- Parameters: :lake\nselect :x -- and :y\n, :z");

        assertThat(r.jdbcText()).isEqualTo("-- Parameters: :lake\nselect ? -- and :y\n, ?");
        assertThat(r.names()).containsExactly("x", "z");
    }

    @Test
    void rewrite_ignoresParametersInBlockComments() {
        SqlText.Rewritten r = SqlText.rewriteNamedParameters("select /* :a\n :b */ :c /*:d*/");

        assertThat(r.jdbcText()).isEqualTo("select /* :a\n :b */ ? /*:d*/");
        assertThat(r.names()).containsExactly("c");
    }

    @Test
    void rewrite_keepsCastsAndParametersThatAreCast() {
        SqlText.Rewritten r = SqlText.rewriteNamedParameters("select a::varchar, :x::integer, '2007-04-01'::date");

        assertThat(r.jdbcText()).isEqualTo("select a::varchar, ?::integer, '2007-04-01'::date");
        assertThat(r.names()).containsExactly("x");
    }

    @Test
    void rewrite_treatsAColonNotFollowedByANameAsText() {
        SqlText.Rewritten r = SqlText.rewriteNamedParameters("select list[1:2], fn(x := 1), :y");

        assertThat(r.jdbcText()).isEqualTo("select list[1:2], fn(x := 1), ?");
        assertThat(r.names()).containsExactly("y");
    }

    @Test
    void rewrite_withNoParametersReturnsTheTextUnchanged() {
        String sql = "select 'a;b' as \"c\" -- d\n/* e */";

        SqlText.Rewritten r = SqlText.rewriteNamedParameters(sql);

        assertThat(r.jdbcText()).isEqualTo(sql);
        assertThat(r.names()).isEmpty();
    }

    // --- statement splitting ----------------------------------------------------------------

    @Test
    void split_separatesStatementsOnSemicolonsAndStripsThem() {
        List<String> statements = SqlText.splitStatements("create table t (x int);\n insert into t values (1) ;\nselect 1");

        assertThat(statements).containsExactly("create table t (x int)", "insert into t values (1)", "select 1");
    }

    @Test
    void split_doesNotSplitOnSemicolonsInStringsIdentifiersOrComments() {
        String script = """
                select 'a;b', "c;d" -- e;f
                from t /* g;
                h */ where x = ';';
                select 2;
                """;

        List<String> statements = SqlText.splitStatements(script);

        assertThat(statements).hasSize(2);
        assertThat(statements.get(0)).startsWith("select 'a;b', \"c;d\" -- e;f").endsWith("where x = ';'");
        assertThat(statements.get(1)).isEqualTo("select 2");
    }

    @Test
    void split_dropsEmptyStatements() {
        assertThat(SqlText.splitStatements(";; select 1;;\n ; ")).containsExactly("select 1");
        assertThat(SqlText.splitStatements("   \n")).isEmpty();
    }

    @Test
    void split_dropsStatementsThatAreOnlyLineComments() {
        List<String> statements = SqlText.splitStatements("select 1;\n-- the end;\n-- really\n");

        assertThat(statements).containsExactly("select 1");
    }

    @Test
    void split_dropsStatementsThatAreOnlyBlockComments() {
        List<String> statements = SqlText.splitStatements("select 1;\n/* a closing note */\n;\n/* another\n note */ -- and a line\n");

        assertThat(statements).containsExactly("select 1");
    }

    @Test
    void split_keepsALeadingCommentWithItsStatement() {
        List<String> statements = SqlText.splitStatements("-- header\n/* more */ create table t (x int);");

        assertThat(statements).containsExactly("-- header\n/* more */ create table t (x int)");
    }

    @Test
    void split_keepsAStatementWhoseStringLooksLikeAComment() {
        assertThat(SqlText.splitStatements("select '-- not a comment'")).containsExactly("select '-- not a comment'");
        assertThat(SqlText.splitStatements("'/* x */'")).containsExactly("'/* x */'");
    }
}
