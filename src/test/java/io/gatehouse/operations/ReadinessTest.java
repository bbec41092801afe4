package io.gatehouse.operations;

import io.gatehouse.token.SigningKeys;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Readiness without a server: a database that fails or answers, a key ring that is empty or loaded. */
class ReadinessTest {

    private static final String DATABASE_PASSWORD = "db-Passw0rd-in-the-url";

    /** A data source whose connections fail as a stopped database's do, naming where it is. */
    private static DataSource unreachable() {
        return (DataSource) Proxy.newProxyInstance(ReadinessTest.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        throw new SQLException("Connection to db.internal:5432 refused (password " + DATABASE_PASSWORD + ")");
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    /** A data source whose connections report themselves valid, or not. */
    private static DataSource answering(boolean valid) {
        Connection connection = (Connection) Proxy.newProxyInstance(ReadinessTest.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "isValid" -> valid;
                    case "close" -> null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (DataSource) Proxy.newProxyInstance(ReadinessTest.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        return connection;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    /** Signing keys as the token package keeps them, without a database behind: loaded, or not loadable. */
    private static SigningKeys keys(boolean loaded) {
        return new SigningKeys() {
            @Override
            public String activeKeyId() {
                if (!loaded) {
                    throw new IllegalStateException("No active signing key");
                }
                return "kid-1";
            }
        };
    }

    private static HealthReport report(DataSource database, SigningKeys keys) {
        return new Readiness(List.of(new DatabaseCheck(database), new SigningKeysCheck(keys))).report();
    }

    private static JsonObject check(JsonObject report, String name) {
        return report.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("name").equals(name)).findFirst().orElseThrow();
    }

    @Test
    void readyWhenTheDatabaseAnswersAndAKeyIsLoaded() {
        HealthReport report = report(answering(true), keys(true));
        assertTrue(report.up());
        JsonObject json = report.json();
        assertEquals("UP", json.getString("status"));
        assertEquals("UP", check(json, "database").getString("status"));
        assertEquals("UP", check(json, "signing-keys").getString("status"));
        assertFalse(check(json, "database").containsKey("data"));
    }

    @Test
    void notReadyWhenTheDatabaseFailsWithAReasonThatNamesNothingInternal() {
        HealthReport report = report(unreachable(), keys(true));
        assertFalse(report.up());
        JsonObject json = report.json();
        assertEquals("DOWN", json.getString("status"));
        JsonObject database = check(json, "database");
        assertEquals("DOWN", database.getString("status"));
        assertEquals("The database cannot be reached", database.getJsonObject("data").getString("reason"));
        assertEquals("UP", check(json, "signing-keys").getString("status"));
        assertFalse(json.toString().contains(DATABASE_PASSWORD), json::toString);
        assertFalse(json.toString().contains("db.internal"), json::toString);
    }

    @Test
    void notReadyWhenTheDatabaseConnectionIsNotValid() {
        HealthReport report = report(answering(false), keys(true));
        assertFalse(report.up());
        assertEquals("The database did not answer within 2 s",
                check(report.json(), "database").getJsonObject("data").getString("reason"));
    }

    @Test
    void notReadyWithAnEmptyKeyRing() {
        HealthReport report = report(answering(true), keys(false));
        assertFalse(report.up());
        JsonObject keys = check(report.json(), "signing-keys");
        assertEquals("DOWN", keys.getString("status"));
        assertEquals("The signing keys cannot be loaded", keys.getJsonObject("data").getString("reason"));
    }

    @Test
    void aCheckComingBackMakesTheNextReportReady() {
        boolean[] loaded = {false};
        HealthCheck flapping = new HealthCheck() {
            @Override
            public String name() {
                return "flapping";
            }

            @Override
            public Optional<Problem> problem() {
                return loaded[0] ? Optional.empty() : Optional.of(new Problem("not yet"));
            }
        };
        Readiness readiness = new Readiness(List.of(flapping));
        assertFalse(readiness.report().up());
        loaded[0] = true;
        assertTrue(readiness.report().up());
    }

    @Test
    void livenessHasNoChecksAndIsUp() {
        assertEquals("{\"status\":\"UP\",\"checks\":[]}", HealthReport.LIVE.json().toString());
    }
}
