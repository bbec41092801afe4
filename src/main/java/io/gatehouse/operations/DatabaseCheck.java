package io.gatehouse.operations;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/** The database answers: a connection from the pool passes the driver's own validity check in time. */
@ApplicationScoped
public class DatabaseCheck implements HealthCheck {

    static final int TIMEOUT_SECONDS = 2;

    @Resource(lookup = "java:app/jdbc/gatehouse")
    DataSource dataSource;

    DatabaseCheck() {
        // the container injects the data source
    }

    DatabaseCheck(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public String name() {
        return "database";
    }

    /** The reasons name no host, user or driver message: readiness may be public. */
    @Override
    public Optional<Problem> problem() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(TIMEOUT_SECONDS) ? Optional.empty()
                    : Optional.of(new Problem("The database did not answer within " + TIMEOUT_SECONDS + " s"));
        } catch (SQLException | RuntimeException e) {
            return Optional.of(new Problem("The database cannot be reached", e));
        }
    }
}
