package io.gatehouse.persistence;

import io.gatehouse.config.GatehouseConfig;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Closes the embedded H2 database when the application stops, whatever the server does with its
 * connection pool. GlassFish 7 removes an undeployed application's data source without closing its
 * connections, so the database file stayed locked and the next deployment could not open it. By then
 * the pool is gone, so this asks H2 directly, on a connection of its own. The last of the start-up
 * beans to stop: the schema migration depends on it, and the others on that.
 */
@Startup
@Singleton
public class EmbeddedDatabase {

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class.getName());

    @PreDestroy
    void close() {
        if (GatehouseConfig.get("GATEHOUSE_DB_URL").isPresent()) {
            return;  // an external database outlives the application
        }
        try (Connection connection = new ConfiguredDataSource().getConnection();
             Statement shutdown = connection.createStatement()) {
            shutdown.execute("SHUTDOWN");
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Could not close the embedded database: {0}", e.getMessage());
        }
    }
}
