package io.gatehouse.persistence;

import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;

/**
 * What a database failure means: the connection lost or refused (not that a statement was
 * wrong), or a transaction the database rolled back to break a deadlock (try it again).
 */
public final class ConnectionFailures {

    private ConnectionFailures() {
    }

    /**
     * SQLState class 08 is a connection exception (SQL standard), 57P0x PostgreSQL's shutdown or
     * crash, 90067 H2's broken connection; and the JDBC connection exception types.
     */
    static boolean isConnectionFailure(Throwable t) {
        if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                || t instanceof SQLRecoverableException || t instanceof SocketException) {
            return true;
        }
        String state = t instanceof SQLException sql ? sql.getSQLState() : null;
        return state != null && (state.startsWith("08") || state.startsWith("57P0") || state.equals("90067"));
    }

    /** A deadlock or serialization failure somewhere in the chain (SQLState 40001, PostgreSQL's 40P01). */
    public static boolean isRolledBackToRetry(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransactionRollbackException
                    || (t instanceof SQLException sql && ("40001".equals(sql.getSQLState()) || "40P01".equals(sql.getSQLState())))) {
                return true;
            }
        }
        return false;
    }

    /**
     * An insert that met a row another transaction had just inserted (SQLState class 23: 23505 on
     * PostgreSQL and H2, 23000 on MariaDB): reading again finds that row.
     */
    public static boolean isDuplicateKey(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLIntegrityConstraintViolationException
                    || (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23"))) {
                return true;
            }
        }
        return false;
    }
}
