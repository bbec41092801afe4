package io.gatehouse.persistence;

import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseOutageTest {

    @Test
    void aLostOrRefusedConnectionIsAnOutage() {
        assertTrue(DatabaseOutage.isConnectionFailure(new SQLException("I/O error", "08006")));
        assertTrue(DatabaseOutage.isConnectionFailure(new SQLException("refused", "08001")));
        assertTrue(DatabaseOutage.isConnectionFailure(new SQLException("terminating: administrator command", "57P01")));
        assertTrue(DatabaseOutage.isConnectionFailure(new SQLNonTransientConnectionException("gone")));
        assertTrue(DatabaseOutage.isConnectionFailure(new SQLTransientConnectionException("pool timeout")));
        assertTrue(DatabaseOutage.isConnectionFailure(new ConnectException("Connection refused")));
    }

    @Test
    void aBugIsNot() {
        assertFalse(DatabaseOutage.isConnectionFailure(new SQLException("duplicate key", "23505")));
        assertFalse(DatabaseOutage.isConnectionFailure(new SQLException("syntax", "42601")));
        assertFalse(DatabaseOutage.isConnectionFailure(new SQLException("no state")));
        assertFalse(DatabaseOutage.isConnectionFailure(new IllegalStateException("08006")));
    }
}
