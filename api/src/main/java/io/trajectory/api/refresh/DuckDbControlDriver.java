package io.trajectory.api.refresh;

import org.duckdb.DuckDBDriver;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The DuckDB JDBC driver for the control database, with one difference: DuckDB refuses
 * {@code Connection.setReadOnly} ("can't change read-only status on connection level"), which
 * Micronaut Data calls around every read, so here that call does nothing. Configured as
 * {@code datasources.control.driver-class-name}; PostgreSQL uses its own driver.
 */
public final class DuckDbControlDriver implements Driver {

    private final Driver duckdb = new DuckDBDriver();

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        Connection c = duckdb.connect(url, info);
        if (c == null) {
            return null;
        }
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("setReadOnly")) {
                        return null;
                    }
                    try {
                        return method.invoke(c, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public boolean acceptsURL(String url) throws SQLException {
        return duckdb.acceptsURL(url);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
        return duckdb.getPropertyInfo(url, info);
    }

    @Override
    public int getMajorVersion() {
        return duckdb.getMajorVersion();
    }

    @Override
    public int getMinorVersion() {
        return duckdb.getMinorVersion();
    }

    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return duckdb.getParentLogger();
    }
}
