package io.gatehouse.it;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.gatehouse.it.Gatehouse.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code POST /api/1/users/me/password}: a user changes their own password, as the portal's form does. */
class PasswordChangeIT extends AgainstServer {

    private static final String OLD = "the-old-password-1";
    private static final String NEW = "the-new-password-2";

    String email;

    @BeforeEach
    void user() {
        email = uniqueEmail("password");
        gatehouse.createUser(email, OLD, "Ada Password");
    }

    private Reply change(String cookieKey, String current, String next) {
        return http.post("/api/1/users/me/password").cookie("sesskey=" + cookieKey)
                .json(jakarta.json.Json.createObjectBuilder().add("current_password", current)
                        .add("new_password", next).build().toString())
                .send();
    }

    private Reply emnifyRefresh(String refreshToken) {
        return http.post("/api/v1/authenticate").json("{\"refresh_token\":\"" + refreshToken + "\"}").send();
    }

    @Test
    void aChangedPasswordEndsTheOldPasswordAndEveryOtherSessionAndRefreshTokenButKeepsTheCallerSignedIn() {
        String mine = gatehouse.sessionKey(email, OLD);
        String elsewhere = gatehouse.sessionKey(email, OLD);
        assertEquals(200, http.get("/api/1/users/me").basicAuth(email, OLD).send().status(), "Basic, now cached");
        String refresh = http.post("/api/v1/authenticate")
                .json("{\"username\":\"" + email + "\",\"password\":\"" + OLD + "\"}").send()
                .object().getString("refresh_token");

        Reply changed = change(mine, OLD, NEW);

        assertEquals(200, changed.status(), changed::toString);
        String renewed = changed.data().getString("sesskey");
        assertNotEquals(mine, renewed);
        String cookie = changed.header("Set-Cookie").orElseThrow();
        assertTrue(cookie.startsWith("sesskey=" + renewed + ";") && cookie.contains("HttpOnly"), cookie);
        assertEquals(401, http.get("/api/1/users/me").cookie("sesskey=" + mine).send().status(), "the old key ends");
        assertEquals(401, http.get("/api/1/users/me").cookie("sesskey=" + elsewhere).send().status(), "other sessions end");
        assertEquals(401, http.get("/api/1/users/me").basicAuth(email, OLD).send().status(), "the cached Basic login ends");
        assertEquals(401, emnifyRefresh(refresh).status(), "refresh tokens end");
        assertEquals(401, gatehouse.login(email, OLD).status());
        assertEquals(200, http.get("/api/1/users/me").cookie("sesskey=" + renewed).send().status(), "the caller goes on");
        assertEquals(200, http.get("/api/1/users/me").basicAuth(email, NEW).send().status());
        assertEquals(200, gatehouse.login(email, NEW).status());
    }

    @Test
    void aWrongCurrentPasswordIs400InTheEnvelopeAndChangesNothing() {
        String key = gatehouse.sessionKey(email, OLD);

        Reply refused = change(key, "not-my-password", NEW);

        assertEquals(400, refused.status(), refused::toString);
        assertEquals("current_password is not correct", refused.error());
        assertEquals(200, http.get("/api/1/users/me").cookie("sesskey=" + key).send().status(), "still signed in");
        assertEquals(200, gatehouse.login(email, OLD).status());
        assertEquals(401, gatehouse.login(email, NEW).status());
    }

    @Test
    void aNewPasswordOutsideTheRulesIs400BeforeTheCurrentOneIsEvenChecked() {
        String key = gatehouse.sessionKey(email, OLD);

        Reply tooShort = change(key, OLD, "short");
        Reply missing = http.post("/api/1/users/me/password").cookie("sesskey=" + key)
                .json("{\"current_password\":\"" + OLD + "\"}").send();
        Reply notJson = http.post("/api/1/users/me/password").cookie("sesskey=" + key)
                .json("{\"current_password\":").send();

        assertEquals(400, tooShort.status(), tooShort::toString);
        assertTrue(tooShort.error().startsWith("password must be 8 to 1024 characters"), tooShort::toString);
        assertEquals(400, missing.status(), missing::toString);
        assertEquals("current_password and new_password are required", missing.error());
        assertEquals(400, notJson.status(), notJson::toString);
        assertEquals(200, gatehouse.login(email, OLD).status(), "nothing changed");
    }

    @Test
    void aFormAsJqueryPostSendsItWorksWithBasicToo() {
        Reply changed = http.post("/api/1/users/me/password").basicAuth(email, OLD)
                .form(Map.of("current_password", OLD, "new_password", NEW)).send();

        assertEquals(200, changed.status(), changed::toString);
        assertTrue(changed.data().isEmpty(), "no session came, none is started: " + changed);
        assertTrue(changed.header("Set-Cookie").isEmpty());
        assertEquals(200, gatehouse.login(email, NEW).status());
    }

    @Test
    void anApiKeyIsRefusedWith403AndChangesNothing() {
        String apiKey = http.get("/api/1/users/me/apikey").basicAuth(email, OLD).send().data().getString("apikey");
        String body = "{\"current_password\":\"" + OLD + "\",\"new_password\":\"" + NEW + "\"}";

        Reply parameter = http.post("/api/1/users/me/password?apikey=" + apiKey).json(body).send();
        Reply basic = http.post("/api/1/users/me/password").basicAuth("apikey", apiKey).json(body).send();

        assertEquals(403, parameter.status(), parameter::toString);
        assertTrue(parameter.error().startsWith("API keys and application tokens are not accepted"), parameter::toString);
        assertEquals(403, basic.status(), basic::toString);
        assertEquals(200, gatehouse.login(email, OLD).status(), "nothing changed");
    }

    @Test
    void withoutCredentialsItIs401WithoutABasicChallenge() {
        Reply anonymous = http.post("/api/1/users/me/password")
                .json("{\"current_password\":\"" + OLD + "\",\"new_password\":\"" + NEW + "\"}").send();

        assertEquals(401, anonymous.status());
        assertEquals("Authentication required", anonymous.error());
        assertTrue(!anonymous.header("WWW-Authenticate").orElse("").toLowerCase().startsWith("basic"));
    }
}
