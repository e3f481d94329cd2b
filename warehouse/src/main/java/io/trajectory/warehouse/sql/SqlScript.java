package io.trajectory.warehouse.sql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A {@code .sql} resource that a reader can also run by hand: statements separated by
 * semicolons, parameters written {@code :name}. Parameters are always bound, never spliced
 * into the text.
 */
public final class SqlScript {

    private final String name;
    private final List<NamedSql> statements;

    private SqlScript(String name, List<NamedSql> statements) {
        this.name = name;
        this.statements = statements;
    }

    /** Loads a script from the class path, relative to {@code anchor}'s package. */
    public static SqlScript load(Class<?> anchor, String resource) {
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            Objects.requireNonNull(in, () -> "no SQL resource " + resource + " beside " + anchor.getName());
            return parse(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read SQL resource " + resource, e);
        }
    }

    public static SqlScript parse(String name, String text) {
        List<NamedSql> statements = new ArrayList<>();
        for (String statement : SqlText.splitStatements(text)) {
            statements.add(NamedSql.parse(statement));
        }
        return new SqlScript(name, List.copyOf(statements));
    }

    public String name() {
        return name;
    }

    public List<NamedSql> statements() {
        return statements;
    }

    /** Runs every statement in order, binding each one's parameters from {@code params}. */
    public void execute(Connection connection, Map<String, ?> params) throws SQLException {
        for (NamedSql statement : statements) {
            try (PreparedStatement ps = statement.prepare(connection, params)) {
                ps.execute();
            } catch (SQLException e) {
                throw new SQLException(name + ": " + e.getMessage() + "\n-- in statement:\n" + statement.text(), e.getSQLState(), e);
            }
        }
    }
}
