package io.gatehouse.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.gatehouse.it.Gatehouse.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@code GET /api/admin/audit}: every kind of authentication outcome, performed over HTTP, shows up
 * with who, how, why and where; filters and paging; never a secret; admins only. Events are
 * written in batches about a second after they happen, so the tests poll.
 */
class AuditIT extends AgainstServer {

    private static final String PASSWORD = "audit-Passw0rd-secret";
    private static final String LOOPBACK = "127.0.0.1";

    String email;
    long userId;
    Instant start;

    @BeforeEach
    void user() {
        // Not a moment earlier: the previous test's events (an anonymous failure looks the same)
        // may be less than a second old on a fast server. The server shares this machine's clock.
        start = Instant.now();
        email = uniqueEmail("audit");
        userId = gatehouse.createUser(email, PASSWORD, "Audit User");
    }

    private Reply auditReply(String query) {
        return gatehouse.asAdmin(http.get("/api/admin/audit?" + query)).send();
    }

    private JsonArray audit(String query) {
        Reply reply = auditReply(query);
        assertEquals(200, reply.status(), reply::toString);
        assertTrue(reply.object().getBoolean("success"));
        return reply.object().getJsonArray("data");
    }

    /** Polls until the query finds at least that many events: writes are batched. */
    private JsonArray awaitEvents(String query, int atLeast) {
        long deadline = System.nanoTime() + 8_000_000_000L;
        JsonArray events;
        do {
            events = audit(query);
            if (events.size() >= atLeast) {
                return events;
            }
            sleep(200);
        } while (System.nanoTime() < deadline);
        return fail("expected " + atLeast + " events for " + query + ", found " + events);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<JsonObject> matching(JsonArray events, String scheme, String outcome) {
        return events.getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("scheme").equals(scheme) && e.getString("outcome").equals(outcome))
                .collect(Collectors.toList());
    }

    private static JsonObject single(JsonArray events, String scheme, String outcome) {
        List<JsonObject> found = matching(events, scheme, outcome);
        assertEquals(1, found.size(), () -> "one " + scheme + " " + outcome + " in " + events);
        return found.get(0);
    }

    private void assertEvent(JsonObject event, Long userid, String username, String reason) {
        if (userid == null) {
            assertTrue(event.isNull("userid"), event::toString);
        } else {
            assertEquals(userid.longValue(), event.getJsonNumber("userid").longValue(), event::toString);
        }
        if (username == null) {
            assertTrue(event.isNull("username"), event::toString);
        } else {
            assertEquals(username, event.getString("username"), event::toString);
        }
        if (reason == null) {
            assertTrue(event.isNull("reason"), event::toString);
        } else {
            assertEquals(reason, event.getString("reason"), event::toString);
        }
        assertEquals(LOOPBACK, event.getString("address"), event::toString);
        Instant time = Instant.parse(event.getString("time"));
        assertFalse(time.isBefore(start) || time.isAfter(Instant.now().plusSeconds(5)), event::toString);
        assertTrue(event.getJsonNumber("id").longValue() > 0);
    }

    private static String randomKey() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private Reply emnify(String json) {
        return http.post("/api/v1/authenticate").json(json).send();
    }

    @Test
    void everyKindOfOutcomeIsRecordedWithWhoHowWhyAndWhereButNeverTheSecret() {
        long adminId = http.get("/api/1/users/me").basicAuth(Gatehouse.ADMIN_EMAIL, Gatehouse.ADMIN_PASSWORD).send()
                .data().getJsonNumber("userid").longValue();
        String wrongLogin = "wrong-session-guess-1";
        String wrongBasic = "wrong-basic-guess-2";
        String badApiKey = randomKey();
        String badSessionKey = randomKey();
        String badBearer = "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlLW5vdC1vdXJz";

        assertEquals(401, gatehouse.login(email, wrongLogin).status());
        String session = gatehouse.sessionKey(email, PASSWORD);
        for (int i = 0; i < 3; i++) {
            assertEquals(200, http.get("/api/1/users/me?sesskey=" + session).send().status(), "steady state");
        }
        assertEquals(401, http.get("/api/1/users/me").basicAuth(email, wrongBasic).send().status());
        String apiKey = http.get("/api/1/users/me/apikey").basicAuth(email, PASSWORD).send().data().getString("apikey");
        assertEquals(200, http.get("/api/1/users/me?apikey=" + apiKey).send().status(), "steady state");
        assertEquals(401, http.get("/api/1/users/me?apikey=" + badApiKey).send().status());
        assertEquals(401, http.get("/api/1/users/me").header("Authorization", "Bearer " + badBearer).send().status());
        assertEquals(401, http.get("/api/1/users/me?sesskey=" + badSessionKey).send().status());
        JsonObject tokens = emnify("{\"username\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}").object();
        String authToken = tokens.getString("auth_token");
        String refreshToken = tokens.getString("refresh_token");
        assertEquals(200, http.get("/api/1/users/me").header("Authorization", "Bearer " + authToken).send().status());
        Reply refreshed = emnify("{\"refresh_token\":\"" + refreshToken + "\"}");
        assertEquals(200, refreshed.status(), refreshed::toString);
        String refreshedToken = refreshed.object().getString("auth_token");
        assertEquals(200, http.delete("/api/1/auth/session?sesskey=" + session).send().status());
        assertEquals(401, emnify("{\"refresh_token\":\"" + refreshToken + "\"}").status(), "a logout ends refresh tokens");
        assertEquals(200, gatehouse.patchUser(userId, "{\"status\":\"locked\"}").status());

        String since = "from=" + Http.q(start.toString()) + "&max=500";
        awaitEvents("userid=" + userId + "&scheme=admin_lock", 1);
        JsonArray mine = audit("userid=" + userId + "&" + since);
        JsonArray anonymous = audit(since);

        assertEvent(single(mine, "session_login", "failure"), userId, email, "bad_credentials");
        assertEvent(single(mine, "session_login", "success"), userId, email, null);
        assertEvent(single(mine, "basic", "failure"), userId, email, "bad_credentials");
        assertEvent(single(mine, "basic", "success"), userId, email, null);
        assertEvent(single(mine, "emnify_password", "success"), userId, email, null);
        assertEvent(single(mine, "refresh_token", "success"), userId, email, null);
        assertEvent(single(mine, "refresh_token", "failure"), userId, null, "revoked");
        assertEvent(single(mine, "logout", "success"), userId, email, null);
        assertEvent(single(mine, "admin_lock", "success"), userId, email, "by userid " + adminId);
        assertEvent(single(anonymous, "api_key", "failure"), null, null, "bad_credentials");
        assertEvent(single(anonymous, "bearer", "failure"), null, null, "bad_credentials");
        assertEvent(single(anonymous, "session", "failure"), null, null, "bad_credentials");
        for (String steady : List.of("session", "api_key", "bearer")) {
            assertTrue(matching(anonymous, steady, "success").isEmpty(), "no event for a cached " + steady);
        }

        String everything = auditReply("max=500").body();
        for (String secret : List.of(PASSWORD, wrongLogin, wrongBasic, session, apiKey, badApiKey, badSessionKey,
                badBearer, authToken, refreshToken, refreshedToken, Gatehouse.ADMIN_PASSWORD)) {
            assertFalse(everything.contains(secret), "a secret in the audit log: " + secret);
        }
    }

    @Test
    void malformedCredentialsLockoutsAndBlocksSayWhy() {
        assertEquals(401, http.get("/api/1/users/me?sesskey=not-a-key!").send().status());
        assertEquals(400, http.get("/api/1/users/me").header("Authorization", "Basic %%%").send().status());
        assertEquals(401, http.get("/api/1/users/me").header("Authorization", "Bearer junk").send().status());
        assertEquals(401, emnify("{\"refresh_token\":\"not-a-token\"}").status());
        for (int i = 0; i < 3; i++) {
            assertEquals(401, emnify("{\"username\":\"" + email + "\",\"password\":\"wrong-" + i + "\"}").status());
        }
        assertEquals(401, emnify("{\"username\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}").status());
        String nobody = uniqueEmail("nobody");
        assertEquals(401, gatehouse.login(nobody, "some-guess-123").status());

        String since = "from=" + Http.q(start.toString()) + "&max=500";
        awaitEvents("username=" + Http.q(nobody), 1);
        JsonArray events = audit(since);

        assertEvent(single(events, "session", "failure"), null, null, "malformed");
        assertEvent(single(events, "basic", "failure"), null, null, "malformed");
        assertEvent(single(events, "bearer", "failure"), null, null, "malformed");
        assertEvent(single(events, "refresh_token", "failure"), null, null, "malformed");
        List<JsonObject> emnify = matching(audit("userid=" + userId + "&scheme=emnify_password&" + since), "emnify_password", "failure");
        assertEquals(List.of("account_blocked", "bad_credentials", "bad_credentials", "bad_credentials"),
                emnify.stream().map(e -> e.getString("reason")).toList(), "newest first");
        assertEvent(single(audit("username=" + Http.q(nobody)), "session_login", "failure"), null, nobody, "unknown_user");
    }

    @Test
    void filtersAndPagingFindExactlyTheirEventsNewestFirst() {
        String tried = uniqueEmail("paging");
        for (int i = 0; i < 3; i++) {
            assertEquals(401, gatehouse.login(tried, "paging-guess-" + i).status());
        }
        String byName = "username=" + Http.q(tried.toUpperCase());

        JsonArray all = awaitEvents(byName, 3);

        assertEquals(3, all.size(), all::toString);
        List<JsonObject> events = all.getValuesAs(JsonObject.class);
        for (int i = 1; i < events.size(); i++) {
            assertTrue(events.get(i - 1).getJsonNumber("id").longValue() > events.get(i).getJsonNumber("id").longValue());
            assertFalse(Instant.parse(events.get(i - 1).getString("time")).isBefore(Instant.parse(events.get(i).getString("time"))));
        }
        JsonArray firstPage = audit(byName + "&max=2");
        JsonArray secondPage = audit(byName + "&first=2&max=2");
        assertEquals(List.of(all.get(0), all.get(1)), firstPage);
        assertEquals(List.of(all.get(2)), secondPage);

        assertEquals(3, audit(byName + "&scheme=session_login&outcome=failure&address=" + LOOPBACK).size());
        assertEquals(0, audit(byName + "&scheme=basic").size());
        assertEquals(0, audit(byName + "&outcome=success").size());
        assertEquals(0, audit(byName + "&address=10.9.9.9").size());
        assertEquals(0, audit(byName + "&userid=" + userId).size());
        assertEquals(3, audit(byName + "&from=" + Http.q(start.toString()) + "&to="
                + Http.q(Instant.now().plusSeconds(60).toString())).size());
        assertEquals(0, audit(byName + "&from=" + Http.q(Instant.now().plusSeconds(60).toString())).size());
        assertEquals(0, audit(byName + "&to=" + Http.q(start.minusSeconds(60).toString())).size());
    }

    @Test
    void badFilterValuesAre400NamingTheParameter() {
        for (String[] bad : new String[][]{{"userid", "abc"}, {"scheme", "password"}, {"outcome", "maybe"},
                {"from", "yesterday"}, {"to", "2030-13-01T00:00:00Z"}, {"first", "-1"}, {"max", "501"}}) {
            Reply refused = auditReply(bad[0] + "=" + Http.q(bad[1]));
            assertEquals(400, refused.status(), refused::toString);
            assertTrue(refused.error().contains(bad[0]), refused::toString);
        }
    }

    @Test
    void onlyAnAdminWithAPasswordSessionOrTokenMayReadTheLog() {
        String userSession = gatehouse.sessionKey(email, PASSWORD);
        String adminKey = http.get("/api/1/users/me/apikey").basicAuth(Gatehouse.ADMIN_EMAIL, Gatehouse.ADMIN_PASSWORD)
                .send().data().getString("apikey");
        String adminSession = gatehouse.sessionKey(Gatehouse.ADMIN_EMAIL, Gatehouse.ADMIN_PASSWORD);

        assertEquals(401, http.get("/api/admin/audit").send().status());
        assertEquals(403, http.get("/api/admin/audit?sesskey=" + userSession).send().status());
        assertEquals(403, http.get("/api/admin/audit?apikey=" + adminKey).send().status());
        assertEquals(403, http.get("/api/admin/audit").basicAuth("apikey", adminKey).send().status());
        Reply admin = http.get("/api/admin/audit?sesskey=" + adminSession).send();
        assertEquals(200, admin.status(), admin::toString);
        assertEquals(JsonValue.ValueType.ARRAY, admin.dataValue().getValueType());
    }
}
