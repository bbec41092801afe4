package io.gatehouse.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.gatehouse.it.Gatehouse.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Konekt's session login as its document shows it: JSON, $.post forms, cookie, ?sesskey=, logout, expiry. */
class KonektSessionIT extends AgainstServer {

    private static final String PASSWORD = "mypassword-123";

    String email;
    long userId;

    @BeforeEach
    void user() {
        email = uniqueEmail("konekt");
        userId = gatehouse.createUser(email, PASSWORD, "Reuben Balik");
    }

    @Test
    void loginWithJsonAnswersTheDocumentedFieldsAndAHardenedCookie() {
        Reply reply = gatehouse.login(email, PASSWORD);

        assertEquals(200, reply.status(), reply::toString);
        JsonObject data = reply.data();
        assertEquals(userId, data.getJsonNumber("userid").longValue());
        assertEquals(JsonValue.ValueType.NUMBER, data.get("partnerid").getValueType());
        assertEquals(email, data.getString("email"));
        assertEquals("Reuben Balik", data.getString("name"));
        assertEquals("", data.getString("role"));
        String key = data.getString("sesskey");
        assertTrue(key.matches("[a-z0-9]{26,}"), key);

        String cookie = reply.header("Set-Cookie").orElseThrow();
        assertTrue(cookie.startsWith("sesskey=" + key + ";"), cookie);
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Lax"), cookie);
        assertTrue(cookie.contains("Path=/"), cookie);
        assertFalse(cookie.contains("Secure"), "plain HTTP: a Secure cookie would never come back: " + cookie);
        assertEquals("no-referrer", reply.header("Referrer-Policy").orElse(null));
    }

    @Test
    void theCookieAloneAuthenticatesLikeABrowser() {
        String key = gatehouse.sessionKey(email, PASSWORD);

        Reply me = http.get("/api/1/users/me").cookie("sesskey=" + key).send();

        assertEquals(200, me.status(), me::toString);
        assertEquals(userId, me.data().getJsonNumber("userid").longValue());
        assertEquals(email, me.data().getString("email"));
    }

    @Test
    void loginWithAFormAsJqueryPostSendsIt() {
        Reply reply = http.post("/api/1/auth/session").form(Gatehouse.credentials(email, PASSWORD)).send();

        assertEquals(200, reply.status(), reply::toString);
        assertEquals(userId, reply.data().getJsonNumber("userid").longValue());
    }

    @Test
    void theSessionKeyWorksAsAQueryParameterAndInAFormPost() {
        String key = gatehouse.sessionKey(email, PASSWORD);

        Reply query = http.get("/api/1/users/me?sesskey=" + key).send();
        Reply form = http.post("/api/1/users/me/apikey").form(Map.of("sesskey", key)).send();

        assertEquals(200, query.status(), query::toString);
        assertEquals(email, query.data().getString("email"));
        assertEquals(200, form.status(), form::toString);
        assertTrue(form.data().getString("apikey").length() >= 30);
    }

    @Test
    void everyLoginGetsAFreshKeyAndNeverAdoptsOneTheClientBrought() {
        String attackerKey = "dkmh7j0moe8qogjtmv15rksl30aaaaaa";
        Reply first = http.post("/api/1/auth/session").cookie("sesskey=" + attackerKey)
                .json("{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}").send();
        Reply second = http.post("/api/1/auth/session?sesskey=" + attackerKey)
                .form(Gatehouse.credentials(email, PASSWORD)).send();

        String key1 = first.data().getString("sesskey");
        String key2 = second.data().getString("sesskey");
        assertNotEquals(attackerKey, key1);
        assertNotEquals(attackerKey, key2);
        assertNotEquals(key1, key2);
        assertEquals(401, http.get("/api/1/users/me?sesskey=" + attackerKey).send().status());
        assertEquals(200, http.get("/api/1/users/me?sesskey=" + key1).send().status());
        assertEquals(200, http.get("/api/1/users/me?sesskey=" + key2).send().status());
    }

    @Test
    void logoutEndsTheKeyAtOnceAndClearsTheCookie() {
        String key = gatehouse.sessionKey(email, PASSWORD);
        String other = gatehouse.sessionKey(email, PASSWORD);
        assertEquals(200, http.get("/api/1/users/me").cookie("sesskey=" + key).send().status());

        Reply logout = http.delete("/api/1/auth/session").cookie("sesskey=" + key).send();

        assertEquals(200, logout.status(), logout::toString);
        assertTrue(logout.object().getBoolean("success"));
        String cleared = logout.header("Set-Cookie").orElseThrow();
        assertTrue(cleared.startsWith("sesskey=;") && cleared.contains("Max-Age=0"), cleared);
        Reply after = http.get("/api/1/users/me").cookie("sesskey=" + key).send();
        assertEquals(401, after.status());
        assertEquals("Invalid or expired session key", after.error());
        assertEquals(401, http.get("/api/1/users/me?sesskey=" + key).send().status());
        assertEquals(200, http.get("/api/1/users/me?sesskey=" + other).send().status(), "only that session ends");
    }

    @Test
    void aWrongPasswordAndAMissingLoginGet401InTheEnvelopeWithoutABrowserDialog() {
        Reply wrong = gatehouse.login(email, "not-the-password");
        Reply anonymous = http.get("/api/1/users/me").send();

        assertEquals(401, wrong.status());
        assertEquals("Invalid email or password", wrong.error());
        assertEquals(401, anonymous.status());
        assertEquals("Authentication required", anonymous.error());
        assertFalse(anonymous.header("WWW-Authenticate").orElse("").toLowerCase().startsWith("basic"),
                "a Basic challenge makes browsers open their own login dialog");
        assertEquals("no-referrer", anonymous.header("Referrer-Policy").orElse(null));
    }

    /** One wait for both clocks: a session's idle time, and an auth_token's expiry past its 60 s leeway. */
    @Test
    void aSessionEndsAfterTheIdleTimeButUseKeepsItAliveAndAnAuthTokenEndsAtItsExpiry() throws InterruptedException {
        assertEquals(200, gatehouse.setSettings("{\"session.idleMinutes\": 1, \"authToken.ttlMinutes\": 1}").status());
        try {
            String used = gatehouse.sessionKey(email, PASSWORD);
            String idle = gatehouse.sessionKey(email, PASSWORD);
            String authToken = http.post("/api/v1/authenticate")
                    .json("{\"username\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}").send()
                    .object().getString("auth_token");
            assertEquals(200, http.get("/api/1/users/me").header("Authorization", "Bearer " + authToken).send().status(),
                    "valid now, and remembered as verified");

            Thread.sleep(35_000);
            assertEquals(200, http.get("/api/1/users/me?sesskey=" + used).send().status());
            Thread.sleep(35_000);

            assertEquals(200, http.get("/api/1/users/me?sesskey=" + used).send().status(),
                    "used 35 s ago: still within the minute");
            Reply expired = http.get("/api/1/users/me?sesskey=" + idle).send();
            assertEquals(401, expired.status(), "idle for 70 s with a 1-minute limit");
            assertEquals("Invalid or expired session key", expired.error());

            Thread.sleep(55_000);  // 125 s: past the token's 60 s life and the 60 s leeway
            Reply tokenExpired = http.get("/api/1/users/me").header("Authorization", "Bearer " + authToken).send();
            assertEquals(401, tokenExpired.status(), "an expired auth_token, even one verified before");
            assertEquals("Invalid or expired token", tokenExpired.error());
        } finally {
            gatehouse.setSettings("{\"session.idleMinutes\": 20, \"authToken.ttlMinutes\": 240}");
        }
    }
}
