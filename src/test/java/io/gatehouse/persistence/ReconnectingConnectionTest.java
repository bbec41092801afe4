package io.gatehouse.persistence;

import org.h2.tools.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A database server restarted under a pooled connection, with H2's TCP server standing in for it. */
class ReconnectingConnectionTest {

    @TempDir
    Path files;
    private int port;
    private Server server;

    private Server tcpServer() throws SQLException {
        return Server.createTcpServer("-tcpPort", Integer.toString(port), "-ifNotExists", "-baseDir", files.toString()).start();
    }

    @BeforeEach
    void startServer() throws Exception {
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        server = tcpServer();
    }

    @AfterEach
    void stopServer() {
        server.stop();
    }

    private Connection open() throws SQLException {
        return ReconnectingConnection.open(() -> DriverManager.getConnection(url(), "sa", ""));
    }

    private void restartServer() throws Exception {
        server.stop();
        server = tcpServer();
        // H2 closes the stopped server's database in the background: wait until it opens again.
        for (int i = 0; i < 50; i++) {
            try (Connection plain = DriverManager.getConnection(url(), "sa", "")) {
                return;
            } catch (SQLException closing) {
                Thread.sleep(100);
            }
        }
    }

    private String url() {
        return "jdbc:h2:tcp://127.0.0.1:" + port + "/reconnect";
    }

    private static int one(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery("select 1")) {
            result.next();
            return result.getInt(1);
        }
    }

    @Test
    void theCallThatMeetsTheLostConnectionFailsAndTheNextOneWorks() throws Exception {
        Connection connection = open();
        assertEquals(1, one(connection));

        restartServer();

        assertThrows(SQLException.class, () -> one(connection), "the call in flight fails");
        assertEquals(1, one(connection), "the next one runs on a new connection");
    }

    @Test
    void aTransactionBegunAfterTheLossRunsOnANewConnectionWithTheSameSettings() throws Exception {
        Connection connection = open();
        connection.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
        assertEquals(1, one(connection));
        restartServer();
        assertThrows(SQLException.class, () -> one(connection));

        connection.setAutoCommit(false);  // as a pool does when a transaction begins
        assertEquals(1, one(connection));
        connection.commit();
        assertEquals(Connection.TRANSACTION_SERIALIZABLE, connection.getTransactionIsolation());
    }

    @Test
    void withinATransactionNothingIsReplaced() throws Exception {
        Connection connection = open();
        connection.setAutoCommit(false);
        assertEquals(1, one(connection));
        restartServer();

        assertThrows(SQLException.class, () -> one(connection));
        assertThrows(SQLException.class, () -> one(connection), "the rest of the transaction fails too");
        assertThrows(SQLException.class, connection::commit, "and so does its commit");
        connection.rollback();  // what the pool does next: the database rolled it back already
        connection.setAutoCommit(true);
        assertEquals(1, one(connection), "the next use runs on a new connection");
    }

    @Test
    void whileTheDatabaseIsAwayTheCallerGetsTheFailure() throws Exception {
        Connection connection = open();
        server.stop();
        assertThrows(SQLException.class, () -> one(connection));
        assertThrows(SQLException.class, () -> one(connection), "no connection can be opened: the caller hears so");
        server = tcpServer();
        assertEquals(1, one(connection));
    }

    @Test
    void aConnectionIdleInThePoolWhileTheDatabaseRestartedIsReplacedBeforeUse() throws Exception {
        Connection connection = open();
        assertEquals(1, one(connection));
        restartServer();
        Thread.sleep(1_100);  // idle past the check interval, as in a pool

        assertEquals(1, one(connection), "no call fails: it was found dead before use");
    }
}
