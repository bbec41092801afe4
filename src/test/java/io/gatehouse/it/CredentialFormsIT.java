package io.gatehouse.it;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.gatehouse.it.Gatehouse.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** HTTP Basic and API keys in every form SPEC §3 names, and what ends them. */
class CredentialFormsIT extends AgainstServer {

    private static final String PASSWORD = "pässwörd-ü-€-123";

    String email;
    long userId;

    @BeforeEach
    void user() {
        email = uniqueEmail("forms");
        userId = gatehouse.createUser(email, PASSWORD, "Forms User");
    }

    private String apiKey() {
        return http.get("/api/1/users/me/apikey").basicAuth(email, PASSWORD).send().data().getString("apikey");
    }

    @Test
    void basicWithAUtf8PasswordAuthenticatesLikeCurlUser() {
        Reply me = http.get("/api/1/users/me").basicAuth(email, PASSWORD).send();

        assertEquals(200, me.status(), me::toString);
        assertEquals(userId, me.data().getJsonNumber("userid").longValue());
    }

    @Test
    void basicIgnoresTheLetterCaseAndSpacesOfTheEmail() {
        Reply me = http.get("/api/1/users/me").basicAuth("  " + email.toUpperCase() + " ", PASSWORD).send();

        assertEquals(200, me.status(), me::toString);
        assertEquals(email, me.data().getString("email"));
    }

    @Test
    void theApiKeyIsShownAgainUntilRegeneratedAndThenTheOldOneStopsAtOnce() {
        String key = apiKey();
        assertTrue(key.matches("[A-Za-z0-9]{30}"), key);
        assertEquals(key, apiKey(), "GET shows the same key again");
        assertEquals(200, http.get("/api/1/users/me?apikey=" + key).send().status());

        Reply regenerated = http.post("/api/1/users/me/apikey").basicAuth(email, PASSWORD).send();

        String fresh = regenerated.data().getString("apikey");
        assertNotEquals(key, fresh);
        assertEquals(401, http.get("/api/1/users/me?apikey=" + key).send().status());
        assertEquals("Invalid API key", http.get("/api/1/users/me?apikey=" + key).send().error());
        assertEquals(200, http.get("/api/1/users/me?apikey=" + fresh).send().status());
        assertEquals(fresh, apiKey());
    }

    @Test
    void theApiKeyWorksInTheQueryWithTheDocumentsTrailingSlashInAFormPostAndAsBasicUserApikey() {
        String key = apiKey();

        Reply documented = http.get("/api/1/users/me/?apikey=" + key).send();
        Reply form = http.post("/api/1/users/me").form(Map.of("apikey", key)).send();
        Reply basic = http.get("/api/1/users/me").basicAuth("apikey", key).send();

        assertEquals(200, documented.status(), documented::toString);
        assertEquals(email, documented.data().getString("email"));
        // POST to /users/me has no method: 405 proves the form's key authenticated first (else 401).
        assertEquals(405, form.status(), form::toString);
        assertEquals(200, basic.status(), basic::toString);
        assertEquals(userId, basic.data().getJsonNumber("userid").longValue());
    }

    @Test
    void sensitiveEndpointsRefuseApiKeysWith403AndSaySo() {
        String key = apiKey();

        for (Reply refused : new Reply[]{
                http.get("/api/1/users/me/apikey?apikey=" + key).send(),
                http.post("/api/1/users/me/apikey").form(Map.of("apikey", key)).send(),
                http.get("/api/1/users/me/apikey").basicAuth("apikey", key).send()}) {
            assertEquals(403, refused.status(), refused::toString);
            assertTrue(refused.error().startsWith("API keys and application tokens are not accepted"), refused::toString);
        }
        assertEquals(key, apiKey(), "a refused regeneration changed nothing");
    }

    @Test
    void adminEndpointsRefuseAnAdminsApiKey() {
        String adminKey = gatehouse.asAdmin(http.get("/api/1/users/me/apikey")).send().data().getString("apikey");

        Reply refused = http.get("/api/admin/users?apikey=" + adminKey).send();

        assertEquals(403, refused.status(), refused::toString);
        assertTrue(refused.error().startsWith("API keys and application tokens are not accepted"));
    }

    @Test
    void aPasswordChangeEndsTheCachedBasicCredentialAndEverySession() {
        assertEquals(200, http.get("/api/1/users/me").basicAuth(email, PASSWORD).send().status());
        String session = gatehouse.sessionKey(email, PASSWORD);

        assertEquals(200, gatehouse.patchUser(userId, "{\"password\":\"a-new-password-456\"}").status());

        assertEquals(401, http.get("/api/1/users/me").basicAuth(email, PASSWORD).send().status());
        assertEquals(401, http.get("/api/1/users/me?sesskey=" + session).send().status());
        assertEquals(200, http.get("/api/1/users/me").basicAuth(email, "a-new-password-456").send().status());
    }

    @Test
    void anAdminLockEndsBasicSessionsAndApiKeysUntilUnlocked() {
        String key = apiKey();
        String session = gatehouse.sessionKey(email, PASSWORD);
        assertEquals(200, http.get("/api/1/users/me").basicAuth(email, PASSWORD).send().status());

        assertEquals(200, gatehouse.patchUser(userId, "{\"status\":\"locked\"}").status());

        assertEquals(401, http.get("/api/1/users/me").basicAuth(email, PASSWORD).send().status());
        assertEquals(401, http.get("/api/1/users/me?sesskey=" + session).send().status());
        assertEquals(401, http.get("/api/1/users/me?apikey=" + key).send().status());

        assertEquals(200, gatehouse.patchUser(userId, "{\"status\":\"active\"}").status());
        assertEquals(200, http.get("/api/1/users/me?apikey=" + key).send().status());
        assertEquals(200, http.get("/api/1/users/me").basicAuth(email, PASSWORD).send().status());
        assertEquals(401, http.get("/api/1/users/me?sesskey=" + session).send().status(), "sessions stay ended");
    }

    @Test
    void noPasswordSessionKeyOrApiKeyEverReachesTheServerLog() throws InterruptedException {
        String key = apiKey();
        String session = gatehouse.sessionKey(email, PASSWORD);
        http.get("/api/1/users/me?apikey=" + key + "&sesskey=" + session).send();
        http.post("/api/1/users/me/apikey?sesskey=" + session).form(Map.of("sesskey", session)).send();
        http.post("/api/1/auth/session?password=" + Http.q(PASSWORD)).form(Gatehouse.credentials(email, PASSWORD)).send();
        http.get("/api/1/users/me?apikey=" + key + "x").send();
        http.get("/api/1/nothing?sesskey=" + session).send();
        http.post("/api/1/auth/session?sesskey=" + session).json("[\"" + PASSWORD + "\"]").send();
        Thread.sleep(1000);  // the connector copies the console asynchronously

        String log = ServerLog.text();
        // The WAR's own start-up line (Flyway checks the schema at every deployment), on any server.
        assertTrue(log.contains("Successfully validated"), "the server's console is being captured");
        assertTrue(!log.contains(key) && !log.contains(session) && !log.contains(PASSWORD),
                "a credential was logged");
    }

    @Test
    void aUserThatIsNotAdminGets403OnTheAdminApi() {
        Reply refused = http.get("/api/admin/users").basicAuth(email, PASSWORD).send();

        assertEquals(403, refused.status(), refused::toString);
        assertTrue(refused.error().startsWith("Forbidden"));
    }
}
