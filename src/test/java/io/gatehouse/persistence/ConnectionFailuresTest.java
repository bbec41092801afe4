package io.gatehouse.persistence;

import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConnectionFailuresTest {

    @Test
    void aLostOrRefusedConnectionIsAnOutage() {
        assertTrue(ConnectionFailures.isConnectionFailure(new SQLException("I/O error", "08006")));
        assertTrue(ConnectionFailures.isConnectionFailure(new SQLException("refused", "08001")));
        assertTrue(ConnectionFailures.isConnectionFailure(new SQLException("terminating: administrator command", "57P01")));
        assertTrue(ConnectionFailures.isConnectionFailure(new SQLNonTransientConnectionException("gone")));
        assertTrue(ConnectionFailures.isConnectionFailure(new SQLTransientConnectionException("pool timeout")));
        assertTrue(ConnectionFailures.isConnectionFailure(new ConnectException("Connection refused")));
    }

    @Test
    void aBugIsNot() {
        assertFalse(ConnectionFailures.isConnectionFailure(new SQLException("duplicate key", "23505")));
        assertFalse(ConnectionFailures.isConnectionFailure(new SQLException("syntax", "42601")));
        assertFalse(ConnectionFailures.isConnectionFailure(new SQLException("no state")));
        assertFalse(ConnectionFailures.isConnectionFailure(new IllegalStateException("08006")));
    }

    @Test
    void aDeadlockVictimIsToBeTriedAgainAndNothingElseIs() {
        assertTrue(ConnectionFailures.isRolledBackToRetry(new RuntimeException(
                new java.sql.SQLTransactionRollbackException("Deadlock found when trying to get lock", "40001", 1213))));
        assertTrue(ConnectionFailures.isRolledBackToRetry(new SQLException("deadlock detected", "40P01")));
        assertFalse(ConnectionFailures.isRolledBackToRetry(new RuntimeException(new SQLException("duplicate key", "23505"))));
        assertFalse(ConnectionFailures.isRolledBackToRetry(new IllegalStateException("40001")));
    }
}
