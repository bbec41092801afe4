package io.gatehouse.persistence;

import io.gatehouse.config.GatehouseConfig;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.logging.Logger;

/**
 * The data source named in web.xml. The server pools it; it opens each connection with the JDBC
 * driver (bundled in the WAR) that accepts {@code GATEHOUSE_DB_URL}, or with H2 on a file in
 * {@code GATEHOUSE_DATA_DIR} when no URL is set. One WAR thus runs unchanged on any server.
 */
public class ConfiguredDataSource implements DataSource {

    private final String url;
    private final Properties credentials = new Properties();
    private volatile Driver driver;
    private int loginTimeout;

    public ConfiguredDataSource() {
        this.url = GatehouseConfig.get("GATEHOUSE_DB_URL").orElseGet(ConfiguredDataSource::embeddedUrl);
        GatehouseConfig.get("GATEHOUSE_DB_USER").ifPresent(user -> credentials.setProperty("user", user));
        GatehouseConfig.get("GATEHOUSE_DB_PASSWORD").ifPresent(pw -> credentials.setProperty("password", pw));
    }

    static String embeddedUrl() {
        // AUTO_SERVER off: one server owns the files; DB_CLOSE_ON_EXIT off: the server closes the pool.
        return "jdbc:h2:file:" + GatehouseConfig.dataDir().resolve("gatehouse") + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    /** A physical connection for the server's pool, which replaces itself once the database dropped it. */
    @Override
    public Connection getConnection() throws SQLException {
        return ReconnectingConnection.open(this::connect);
    }

    private Connection connect() throws SQLException {
        Connection connection = driver().connect(url, credentials);
        if (connection == null) {
            throw new SQLException("No JDBC driver accepts the configured database URL");
        }
        return connection;
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    private Driver driver() throws SQLException {
        Driver found = driver;
        if (found == null) {
            for (Driver candidate : ServiceLoader.load(Driver.class, ConfiguredDataSource.class.getClassLoader())) {
                if (candidate.acceptsURL(url)) {
                    driver = found = candidate;
                    break;
                }
            }
            if (found == null) {
                throw new SQLException("No JDBC driver in the WAR accepts the configured database URL");
            }
        }
        return found;
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
        loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("Not a wrapper for " + type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
