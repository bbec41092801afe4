package io.gatehouse.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What must not depend on the database (H2 by default, -Ppostgres, -Pmariadb): e-mails are one
 * account whatever their letter case, even when created at the same moment; Unicode names and
 * addresses come back as sent; times keep their microseconds and their zone, also past 2038.
 * Concurrent failed logins are counted exactly: LoginLockoutIT, which runs on each database too.
 */
class PortableDataIT extends AgainstServer {

    private static final String PASSWORD = "portable-pass-1";

    private Reply create(String email, String name) {
        String body = Json.createObjectBuilder().add("email", email).add("password", PASSWORD).add("name", name)
                .build().toString();
        return gatehouse.asAdmin(http.post("/api/admin/users")).json(body).send();
    }

    private JsonObject find(String email) {
        var found = gatehouse.asAdmin(http.get("/api/admin/users?email=" + Http.q(email))).send()
                .object().getJsonArray("data");
        assertEquals(1, found.size(), () -> "one account for " + email + ": " + found);
        return found.getJsonObject(0);
    }

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void anAddressInAnyLetterCaseIsOneAccount() {
        String email = "Bob-" + tag() + "@X.com";

        Reply created = create(email, "Bob");
        assertEquals(201, created.status(), created::toString);
        assertEquals(email.toLowerCase(Locale.ROOT), created.data().getString("email"), "stored in lower case");

        Reply again = create(email.toLowerCase(Locale.ROOT), "Other Bob");
        assertEquals(409, again.status(), again::toString);
        assertEquals(created.data().getJsonNumber("userid"), find(email.toUpperCase(Locale.ROOT)).getJsonNumber("userid"));
        assertEquals(200, gatehouse.login(email.toUpperCase(Locale.ROOT), PASSWORD).status());
    }

    @Test
    void twoCreationsOfOneAddressAtOnceGiveOneAccountAndOneConflict() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                String email = "race-" + tag() + "@x.com";
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<Integer>> replies = new ArrayList<>();
                for (String spelling : List.of(email.toUpperCase(Locale.ROOT), email)) {
                    replies.add(pool.submit(() -> {
                        start.await();
                        return create(spelling, "Racer").status();
                    }));
                }
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> reply : replies) {
                    statuses.add(reply.get(60, TimeUnit.SECONDS));
                }
                statuses.sort(null);
                assertEquals(List.of(201, 409), statuses, "round " + round);
                find(email);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void unicodeNamesAndAddressesComeBackAsSent() {
        String tag = tag();
        String name = "Zoë Ñúñez 山田 \uD83D\uDE00";  // a four-byte character too: MariaDB needs utf8mb4
        String email = "zoë.山田-" + tag + "@bücher.example";

        Reply created = create(email, name);
        assertEquals(201, created.status(), created::toString);
        JsonObject stored = find(email);
        assertEquals(name, stored.getString("name"));
        assertEquals(email, stored.getString("email"));
        assertEquals(name, http.get("/api/1/users/me").basicAuth(email, PASSWORD).send().data().getString("name"));

        String shouted = email.toUpperCase(Locale.ROOT);  // ZOË.山田-…@BÜCHER.EXAMPLE
        assertEquals(409, create(shouted, "Shouting Zoë").status(), "letter case folds beyond ASCII too");
        assertEquals(200, gatehouse.login(shouted, PASSWORD).status());
        Reply plain = create("zoe.山田-" + tag + "@bucher.example", "Zoe");
        assertEquals(201, plain.status(), () -> "an address without the accents is another address: " + plain);
    }

    @Test
    void timesKeepTheirMicrosecondsAndTheirZone() {
        Instant before = Instant.now();
        String email = "times-" + tag() + "@x.com";
        Reply created = create(email, "Times");
        long userId = created.data().getJsonNumber("userid").longValue();
        String createdAt = created.data().getString("created");
        String session = gatehouse.sessionKey(email, PASSWORD);
        Instant after = Instant.now();

        JsonObject stored = gatehouse.asAdmin(http.get("/api/admin/users/" + userId)).send().data();
        assertEquals(createdAt, stored.getString("created"), "read back as it was answered, to the microsecond");
        for (String time : List.of(stored.getString("created"), stored.getString("lastLogin"))) {
            Instant instant = Instant.parse(time);
            assertTrue(!instant.isBefore(before.minusMillis(1)) && !instant.isAfter(after), time + " is not now: a zone shifted it");
        }
        assertEquals(200, http.get("/api/1/users/me?sesskey=" + session).send().status());

        String token = http.post("/api/v1/authenticate")
                .json(Json.createObjectBuilder().add("username", email).add("password", PASSWORD).build().toString())
                .send().object().getString("auth_token");
        String description = "beyond 2038 " + tag();
        Reply made = http.post("/api/v1/application_token").header("Authorization", "Bearer " + token)
                .json("{\"description\":\"" + description + "\",\"expiry_date\":\"2051-07-08T09:10:11.123456+02:00\"}").send();
        assertEquals(200, made.status(), made::toString);
        JsonObject listed = http.get("/api/v1/application_token").header("Authorization", "Bearer " + token).send()
                .json().asJsonArray().getValuesAs(JsonObject.class).stream()
                .filter(t -> description.equals(t.getString("description", ""))).findFirst().orElseThrow();
        assertEquals("2051-07-08T07:10:11.123456Z", listed.getString("expiry_date"));
        assertEquals(200, http.post("/api/v1/authenticate")
                .json("{\"application_token\":\"" + made.object().getString("application_token") + "\"}").send().status());

        Reply tooFar = http.post("/api/v1/application_token").header("Authorization", "Bearer " + token)
                .json("{\"expiry_date\":\"9999-12-31\"}").send();
        assertEquals(422, tooFar.status(), "refused alike where a database could not store it: " + tooFar);
    }

    /** MariaDB: what its migration (db/vendor/mariadb) sets up, so a later shared migration cannot undo it unseen. */
    @Test
    void onMariaDbEveryTimeIsDatetimeAndEveryTableBinaryUtf8mb4() throws Exception {
        String dbUrl = System.getProperty("it.dbUrl", "");
        assumeTrue(dbUrl.startsWith("jdbc:mariadb:"), "runs with -Pmariadb");
        try (Connection db = DriverManager.getConnection(dbUrl, System.getProperty("it.dbUser"), "")) {
            List<String> wrong = new ArrayList<>();
            try (ResultSet rs = db.createStatement().executeQuery("select c.table_name, c.column_name, c.column_type"
                    + " from information_schema.columns c where c.table_schema = database()"
                    + " and c.table_name like 'gh\\_%' and c.table_name <> 'gh_schema_history'"
                    + " and c.data_type in ('timestamp', 'datetime') and c.column_type <> 'datetime(6)'")) {
                while (rs.next()) {
                    wrong.add(rs.getString(1) + "." + rs.getString(2) + " " + rs.getString(3));
                }
            }
            try (ResultSet rs = db.createStatement().executeQuery("select t.table_name, t.table_collation"
                    + " from information_schema.tables t where t.table_schema = database() and t.table_type = 'BASE TABLE'"
                    + " and t.table_name like 'gh\\_%' and t.table_name <> 'gh_schema_history'"
                    + " and t.table_collation <> 'utf8mb4_nopad_bin'")) {
                while (rs.next()) {
                    wrong.add(rs.getString(1) + " " + rs.getString(2));
                }
            }
            assertEquals(List.of(), wrong, "write new time columns as ${instant} and let tables take the database's default");
        }
    }
}
