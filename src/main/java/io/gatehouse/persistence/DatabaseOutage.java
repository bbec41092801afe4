package io.gatehouse.persistence;

import io.gatehouse.operations.DatabaseCheck;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;

import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

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
            if (isConnectionFailure(t)) {
                return true;
            }
            databaseFailure |= t instanceof SQLException || t instanceof PersistenceException
                    || t.getClass().getName().startsWith("jakarta.transaction.");
        }
        return databaseFailure && database.problem().isPresent();
    }

    /** SQLState class 08 is a connection exception (SQL standard); 57P0x is PostgreSQL's shutdown or crash. */
    static boolean isConnectionFailure(Throwable t) {
        if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                || t instanceof SQLRecoverableException || t instanceof SocketException) {
            return true;
        }
        String state = t instanceof SQLException sql ? sql.getSQLState() : null;
        return state != null && (state.startsWith("08") || state.startsWith("57P0"));
    }
}
