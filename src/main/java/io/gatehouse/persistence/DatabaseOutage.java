package io.gatehouse.persistence;

import io.gatehouse.operations.DatabaseCheck;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;

import java.sql.SQLException;

/**
 * Tells a failure caused by the database being away (answered 503: try again) from a bug
 * (answered 500). A lost or refused connection is one by itself; any other database error is one
 * when the database does not answer now.
 */
@ApplicationScoped
public class DatabaseOutage {

    public static final String MESSAGE = "Service temporarily unavailable: the database cannot be reached";

    @Inject
    DatabaseCheck database;

    public boolean explains(Throwable failure) {
        boolean databaseFailure = false;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (ConnectionFailures.isConnectionFailure(t)) {
                return true;
            }
            databaseFailure |= t instanceof SQLException || t instanceof PersistenceException
                    || t.getClass().getName().startsWith("jakarta.transaction.");
        }
        return databaseFailure && database.problem().isPresent();
    }
}
