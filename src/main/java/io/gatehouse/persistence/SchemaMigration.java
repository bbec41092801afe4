package io.gatehouse.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;

/**
 * Brings the schema to the current version before anything else runs. The shared migrations
 * (db/migration) are SQL that H2, PostgreSQL and MariaDB all run; MariaDB also runs its own
 * (db/vendor/mariadb), numbered between the shared ones (5.1 comes after 5).
 */
@Startup
@Singleton
@DependsOn("EmbeddedDatabase")
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration {

    /** Flyway's record of the versions applied, in the application's own schema. */
    public static final String HISTORY_TABLE = "gh_schema_history";

    @Resource(lookup = "java:app/jdbc/gatehouse")
    private DataSource dataSource;

    @PostConstruct
    void migrate() {
        configure(dataSource).load().migrate();
    }

    /** The one Flyway configuration: the server's, and the upgrade test's for an older version. */
    public static FluentConfiguration configure(DataSource dataSource) {
        boolean mariaDb = isMariaDb(dataSource);
        String[] locations = mariaDb
                ? new String[]{"classpath:db/migration", "classpath:db/vendor/mariadb"}
                : new String[]{"classpath:db/migration"};
        return Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations(locations)
                // No callback folder of its own: Flyway would look for one that does not exist.
                .callbackLocations(locations)
                // A time column in a migration after V5 is ${instant}: MariaDB's TIMESTAMP ends in 2038.
                .placeholders(Map.of("instant", mariaDb ? "datetime(6)" : "timestamp(6)"))
                .table(HISTORY_TABLE);
    }

    private static boolean isMariaDb(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("mariadb");
        } catch (SQLException e) {
            throw new IllegalStateException("The database does not answer", e);
        }
    }
}
