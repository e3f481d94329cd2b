package io.trajectory.api.refresh;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Named;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Creates the control database's tables (if missing) when the service starts. */
@Context
@Requires(beans = DataSource.class)
public class ControlSchema {

    static final String DDL = "db/control/V1__refresh_run.sql";

    public ControlSchema(@Named("control") DataSource control) {
        try (InputStream in = ControlSchema.class.getClassLoader().getResourceAsStream(DDL);
             // the raw pool: Micronaut Data's data source wants a surrounding transaction
             Connection c = DelegatingDataSource.unwrapDataSource(control).getConnection();
             Statement st = c.createStatement()) {
            if (in == null) {
                throw new IllegalStateException("missing " + DDL);
            }
            st.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            if (!c.getAutoCommit()) {
                c.commit();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the control database's tables: " + e.getMessage(), e);
        }
    }
}
