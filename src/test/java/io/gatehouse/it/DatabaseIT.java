package io.gatehouse.it;

import com.nimbusds.jwt.SignedJWT;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static io.gatehouse.it.Gatehouse.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What the database sees: in a dump, session keys only as hashes, API keys only sealed and under
 * a keyed hash, passwords only as Argon2id; under steady authenticated load, no statements at all.
 * Reads the database directly, so it needs one the test can open beside the server: the
 * PostgreSQL of {@code -Ppostgres} or the MariaDB of {@code -Pmariadb} (H2's file is the server's alone).
 */
class DatabaseIT extends AgainstServer {

    private static final String PASSWORD = "dump-me-if-you-can-1";

    private static String dbUrl() {
        String dbUrl = System.getProperty("it.dbUrl", "");
        assumeTrue(!dbUrl.isBlank(), "runs with -Ppostgres or -Pmariadb, where the test can read the database");
        return dbUrl;
    }

    @Test
    void authenticatedRequestsInTheSteadyStateRunNoDatabaseStatement() throws Exception {
        String dbUrl = dbUrl();
        String email = uniqueEmail("steady");
        gatehouse.createUser(email, PASSWORD, "Steady");
        String session = gatehouse.sessionKey(email, PASSWORD);
        String apiKey = http.get("/api/1/users/me/apikey").basicAuth(email, PASSWORD).send().data().getString("apikey");
        String authToken = http.post("/api/v1/authenticate")
                .json("{\"username\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}").send().object().getString("auth_token");
        String applicationToken = http.post("/api/v1/application_token").header("Authorization", "Bearer " + authToken)
                .json("{}").send().object().getString("application_token");
        String derivedToken = http.post("/api/v1/authenticate")
                .json("{\"application_token\":\"" + applicationToken + "\"}").send().object().getString("auth_token");
        List<Http.Request> shapes = List.of(
                http.get("/api/1/users/me").header("Authorization", "Bearer " + authToken),
                http.get("/api/1/users/me").header("Authorization", "Bearer " + derivedToken),
                http.get("/api/1/users/me?sesskey=" + session),
                http.get("/api/1/users/me").cookie("sesskey=" + session),
                http.get("/api/1/users/me").basicAuth(email, PASSWORD),
                http.get("/api/1/users/me?apikey=" + apiKey),
                http.get("/api/1/users/me").basicAuth("apikey", apiKey));
        shapes.forEach(request -> assertEquals(200, request.send().status()));  // first use fills the caches

        try (StatementCount count = StatementCount.of(dbUrl)) {
            count.settle();  // the set-up's own statements counted before the window opens, not in it
            long before = count.soFar();
            long started = System.nanoTime();
            for (int i = 0; i < 60; i++) {
                for (Http.Request request : shapes) {
                    assertEquals(200, request.send().status());
                }
            }
            Duration busy = Duration.ofNanos(System.nanoTime() - started);
            count.settle();
            long withRequests = count.soFar() - before;
            // The server's own background work (audit writer, session clocks, schedules) runs by the clock, and
            // a slow, loaded machine stretches the requests over more of it: measure the same time without requests.
            long idleBefore = count.soFar();
            Thread.sleep(busy.toMillis());
            count.settle();
            long idle = count.soFar() - idleBefore;
            long statements = withRequests - idle;
            // 420 requests; a few statements may be housekeeping that fell in one window only, never one per request.
            assertTrue(statements < 20, statements + " statements for 420 authenticated requests (" + withRequests
                    + " in " + busy.toMillis() + " ms of requests, " + idle + " in as long without)");
        }
    }

    /** The statements the database has run so far, by its own count: {@code refresh} (if any) first, then {@code count}. */
    private record StatementCount(Connection db, String refresh, String count, Duration delay) implements AutoCloseable {

        static StatementCount of(String dbUrl) throws SQLException {
            String user = System.getProperty("it.dbUser");
            if (dbUrl.startsWith("jdbc:mariadb:")) {
                // The server's own counters (the count's query adds one).
                return new StatementCount(DriverManager.getConnection(dbUrl, user, ""), null,
                        "select sum(variable_value) from information_schema.global_status where variable_name in"
                                + " ('COM_SELECT', 'COM_INSERT', 'COM_UPDATE', 'COM_DELETE', 'COM_COMMIT', 'COM_ROLLBACK')",
                        Duration.ZERO);
            }
            // PostgreSQL: committed and rolled-back transactions (every autocommit statement is one),
            // counted from the maintenance database, so that counting adds nothing to the count.
            String database = dbUrl.substring(dbUrl.lastIndexOf('/') + 1);
            String maintenance = dbUrl.substring(0, dbUrl.lastIndexOf('/') + 1) + "postgres";
            // A connection that falls idle reports its statistics up to 10 s later (PostgreSQL 15's
            // PGSTAT_IDLE_INTERVAL): the pool's connections do, so each count waits that long first.
            return new StatementCount(DriverManager.getConnection(maintenance, user, ""), "select pg_stat_clear_snapshot()",
                    "select xact_commit + xact_rollback from pg_stat_database where datname = '" + database + "'",
                    Duration.ofSeconds(11));
        }

        void settle() throws InterruptedException {
            Thread.sleep(delay.toMillis());
        }

        long soFar() throws Exception {
            if (refresh != null) {
                db.createStatement().execute(refresh);
            }
            return Long.parseLong(rows(db, count).get(0));
        }

        @Override
        public void close() throws SQLException {
            db.close();
        }
    }

    @Test
    void aDatabaseDumpHoldsNoUsableSecret() throws Exception {
        String dbUrl = dbUrl();
        String email = uniqueEmail("dump");
        long userId = gatehouse.createUser(email, PASSWORD, "Dump");
        String session = gatehouse.sessionKey(email, PASSWORD);
        String apiKey = http.get("/api/1/users/me/apikey").basicAuth(email, PASSWORD).send().data().getString("apikey");
        JsonObject tokens = http.post("/api/v1/authenticate")
                .json("{\"username\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}").send().object();
        String refreshJti = SignedJWT.parse(tokens.getString("refresh_token")).getJWTClaimsSet().getJWTID();
        String applicationToken = http.post("/api/v1/application_token")
                .header("Authorization", "Bearer " + tokens.getString("auth_token"))
                .json("{}").send().object().getString("application_token");

        try (Connection db = DriverManager.getConnection(dbUrl, System.getProperty("it.dbUser"), "")) {
            List<String> dump = new ArrayList<>();
            for (String table : List.of("gh_user", "gh_session", "gh_api_key", "gh_setting", "gh_refresh_token",
                    "gh_application_token", "gh_signing_key")) {
                dump.addAll(rows(db, "select * from " + table));
            }
            String everything = String.join("\n", dump);
            assertFalse(everything.contains(session), "a session key in clear");
            assertFalse(everything.contains(apiKey), "an API key in clear");
            assertFalse(everything.contains(PASSWORD), "a password in clear");
            assertFalse(everything.contains(refreshJti), "a refresh token's id in clear");
            assertTrue(everything.contains(sha256(refreshJti)), "refresh tokens are kept as the hash of their id");
            assertFalse(everything.contains(applicationToken), "an application token in clear");
            assertTrue(everything.contains(sha256(applicationToken)), "application tokens are kept as their hash");
            for (String key : rows(db, "select concat(public_jwk, '|', sealed_private_jwk) from gh_signing_key")) {
                assertFalse(key.contains("\"d\""), "a private signing key in clear: " + key.substring(0, 40));
            }

            List<String> sessionRows = rows(db, "select key_hash from gh_session where user_id = " + userId);
            assertEquals(List.of(sha256(session)), sessionRows, "the session is stored as the SHA-256 of its key");

            List<String> keyRows = rows(db, "select concat(lookup_hash, ' ', encrypted_key) from gh_api_key where user_id = " + userId);
            assertEquals(1, keyRows.size());
            String[] stored = keyRows.get(0).split(" ");
            assertEquals(64, stored[0].length());
            assertNotEquals(sha256(apiKey), stored[0], "the look-up hash is keyed: a dump cannot test guesses");
            assertTrue(stored[1].length() > apiKey.length(), "sealed, with nonce and tag");

            assertTrue(rows(db, "select password_hash from gh_user where id = " + userId).get(0)
                    .startsWith("$argon2id$v=19$m=19456,t=2,p=1$"));
        }
    }

    private static List<String> rows(Connection db, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (PreparedStatement statement = db.prepareStatement(sql); ResultSet rs = statement.executeQuery()) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                out.add(row.toString());
            }
        }
        return out;
    }

    private static String sha256(String value) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    }
}
