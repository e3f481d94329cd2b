package io.trajectory.api.refresh;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

/** Refresh history in the control database (DuckDB by default; PostgreSQL when configured). */
@JdbcRepository(dialect = Dialect.POSTGRES, dataSource = "control")
public interface RefreshRunRepository extends CrudRepository<RefreshRun, String> {

    List<RefreshRun> findAllOrderByStartedAtDesc();

    Optional<RefreshRun> findFirstOrderByStartedAtDesc();
}
