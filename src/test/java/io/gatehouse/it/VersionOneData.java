package io.gatehouse.it;

import io.gatehouse.account.PasswordForms;
import io.gatehouse.account.PasswordHasher;
import io.gatehouse.config.GatehouseConfig;
import io.gatehouse.crypto.Digests;
import io.gatehouse.crypto.RandomTokens;
import io.gatehouse.crypto.SecretBox;
import io.gatehouse.crypto.ServerSecret;
import io.gatehouse.crypto.ServerSecrets;
import io.gatehouse.persistence.ConfiguredDataSource;
import io.gatehouse.persistence.InstantConverter;
import io.gatehouse.persistence.SchemaMigration;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * A database as Gatehouse's first schema version left it, with data in it: the admin, a user with
 * a password, an API key and a session, and a setting, written with the server's own classes
 * (hashing, sealing, the time converter) under the key the upgraded server will have. Made in
 * this JVM before {@link SchemaUpgradeIT}'s server starts, with the same configuration as that
 * server: the properties {@code it.upgrade.*} that arquillian.xml passes it.
 */
final class VersionOneData {

    static final String USER_PASSWORD = "from-version-one-1";
    static final String USER_NAME = "Zoë Ñúñez";  // also in latin1, MariaDB's default: see recreate
    static final String IDLE_MINUTES = "45";

    /** What a test needs to know of the rows written. */
    record Seeded(long userId, String userEmail, String apiKey, String sessionKey, Instant created) {
    }

    private VersionOneData() {
    }

    static Seeded prepare() throws Exception {
        return configured(() -> {
            String url = GatehouseConfig.get("GATEHOUSE_DB_URL").orElse(null);
            if (url == null) {
                Files.deleteIfExists(GatehouseConfig.dataDir().resolve("gatehouse.mv.db"));
            } else {
                recreate(url);
            }
            DataSource dataSource = new ConfiguredDataSource();
            SchemaMigration.configure(dataSource).target("1").load().migrate();
            try (Connection db = dataSource.getConnection()) {
                Seeded seeded = seed(db, ServerSecrets.configured());
                if (url == null) {
                    db.createStatement().execute("shutdown");  // the server must find the H2 file closed
                }
                return seeded;
            }
        });
    }

    /** The upgrade server's data source, as that server configures it. */
    static DataSource dataSource() throws Exception {
        return configured(ConfiguredDataSource::new);
    }

    /** Runs with this JVM configured as the upgrade server is. */
    private static <T> T configured(Callable<T> work) throws Exception {
        Map<String, String> config = Map.of(
                "gatehouse.data.dir", System.getProperty("it.upgrade.dataDir"),
                "gatehouse.db.url", System.getProperty("it.upgrade.dbUrl", ""),
                "gatehouse.secret", System.getProperty("it.upgrade.secret"));
        config.forEach(System::setProperty);
        try {
            return work.call();
        } finally {
            config.keySet().forEach(System::clearProperty);
        }
    }

    private static Seeded seed(Connection db, ServerSecret secret) throws SQLException {
        db.setAutoCommit(false);
        PasswordHasher hasher = PasswordHasher.owasp();
        Instant created = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(30));
        String userInsert = "insert into gh_user (id, email, name, user_role, organization_id, password_hash, status,"
                + " failed_logins, created_at) values (?, ?, ?, ?, ?, ?, 'ACTIVE', 0, ?)";

        long organization = nextId(db, "gh_organization_seq");
        insert(db, "insert into gh_organization (id, name) values (?, ?)", organization, "Default");
        insert(db, userInsert, nextId(db, "gh_user_seq"), Gatehouse.ADMIN_EMAIL, "Administrator", "admin", organization,
                hasher.hash(PasswordForms.canonical(Gatehouse.ADMIN_PASSWORD)), created);
        long user = nextId(db, "gh_user_seq");
        String email = Gatehouse.uniqueEmail("version-one");
        insert(db, userInsert, user, email, USER_NAME, "", organization,
                hasher.hash(PasswordForms.canonical(USER_PASSWORD)), created);

        String apiKey = RandomTokens.apiKey();
        insert(db, "insert into gh_api_key (user_id, lookup_hash, encrypted_key, created_at) values (?, ?, ?, ?)", user,
                Digests.hmacSha256Hex(secret.derive("apikey-lookup"), apiKey),
                new SecretBox(secret.derive("apikey-encryption")).seal(apiKey), created);

        String sessionKey = RandomTokens.sessionKey();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        insert(db, "insert into gh_session (key_hash, user_id, created_at, last_seen_at, expires_at) values (?, ?, ?, ?, ?)",
                Digests.sha256Hex(sessionKey), user, now, now, now.plus(Duration.ofHours(12)));
        insert(db, "insert into gh_setting (name, setting_value) values (?, ?)", "session.idleMinutes", IDLE_MINUTES);
        db.commit();
        return new Seeded(user, email, apiKey, sessionKey, created);
    }

    private static long nextId(Connection db, String sequence) throws SQLException {
        boolean postgres = db.getMetaData().getDatabaseProductName().equalsIgnoreCase("PostgreSQL");
        String sql = postgres ? "select nextval('" + sequence + "')" : "select next value for " + sequence;
        try (ResultSet rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void insert(Connection db, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                Object value = values[i] instanceof Instant instant
                        ? new InstantConverter().convertToDatabaseColumn(instant) : values[i];
                statement.setObject(i + 1, value);
            }
            statement.executeUpdate();
        }
    }

    /** A new, empty database of the URL's name, made from the server's maintenance database. */
    private static void recreate(String url) throws SQLException {
        String user = System.getProperty("it.dbUser");
        int slash = url.lastIndexOf('/');
        String name = url.substring(slash + 1);
        if (url.startsWith("jdbc:postgresql:")) {
            try (Connection server = DriverManager.getConnection(url.substring(0, slash + 1) + "postgres", user, "")) {
                server.createStatement().execute("drop database if exists " + name + " with (force)");
                server.createStatement().execute("create database " + name);
            }
        } else if (url.startsWith("jdbc:mariadb:")) {
            try (Connection server = DriverManager.getConnection(url.substring(0, slash + 1), user, "")) {
                server.createStatement().execute("drop database if exists " + name);
                // MariaDB's compiled-in default, the hardest start: its migration 5.1 makes the tables utf8mb4.
                server.createStatement().execute("create database " + name + " character set latin1");
            }
        } else {
            throw new IllegalArgumentException("No scratch database for " + url);
        }
    }
}
