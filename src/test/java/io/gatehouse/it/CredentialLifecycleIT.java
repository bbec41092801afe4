package io.gatehouse.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import static io.gatehouse.it.Gatehouse.uniqueAddress;
import static io.gatehouse.it.Gatehouse.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Issue 16 item 1, as an attacker who holds a user's credentials would try it: every credential
 * form is obtained, an event that should end some of them happens, and each old credential is
 * tried again at once. What the README's table says survives must work; everything else must be
 * refused, at the request right after the event. Credentials obtained after the event work,
 * including those obtained in the same second as the event (a JWT's iat has whole seconds).
 */
class CredentialLifecycleIT extends AgainstServer {

    private static final String PASSWORD = "lifecycle-pass-1";
    private static final String NEW_PASSWORD = "lifecycle-pass-2";

    /** Every credential form, by the name the table and the failures use. */
    static final List<String> FORMS = List.of("session", "basic", "apikey", "auth_token", "emnify refresh_token",
            "application_token", "derived auth_token", "access_token", "oauth refresh_token");

    String clientId;
    String clientSecret;
    /** Each test its own address: the per-address limits are counted in the database, across runs. */
    String address;

    @BeforeEach
    void client() {
        JsonObject client = gatehouse.asAdmin(http.post("/api/admin/clients"))
                .json("{\"name\":\"lifecycle\",\"grant_types\":[\"password\",\"refresh_token\"]}").send().data();
        clientId = client.getString("client_id");
        clientSecret = client.getString("client_secret");
        address = uniqueAddress();
    }

    /** One user's credentials, each obtained the way its client obtains it. */
    record Held(long userId, String email, String password, String session, String apiKey, String authToken,
                String emnifyRefresh, String applicationToken, String derivedAuthToken, String accessToken,
                String oauthRefresh) {
    }

    private Http.Request from(Http.Request request) {
        return request.header("X-Forwarded-For", address);
    }

    private Held newUser() {
        String email = uniqueEmail("lifecycle");
        long id = gatehouse.createUser(email, PASSWORD, "Lifecycle");
        return obtain(id, email, PASSWORD);
    }

    private Held obtain(long userId, String email, String password) {
        String session = from(http.post("/api/1/auth/session")).json(jakarta.json.Json.createObjectBuilder()
                .add("email", email).add("password", password).build().toString()).send().data().getString("sesskey");
        String apiKey = from(http.get("/api/1/users/me/apikey")).basicAuth(email, password).send().data().getString("apikey");
        JsonObject emnify = authenticate(jakarta.json.Json.createObjectBuilder().add("username", email)
                .add("password", password).build().toString()).object();
        String authToken = emnify.getString("auth_token");
        Reply created = from(http.post("/api/v1/application_token")).header("Authorization", "Bearer " + authToken)
                .json("{\"description\":\"lifecycle\"}").send();
        assertEquals(200, created.status(), created::toString);
        String applicationToken = created.object().getString("application_token");
        String derived = exchange(applicationToken).object().getString("auth_token");
        JsonObject oauth = passwordGrant(email, password).object();
        return new Held(userId, email, password, session, apiKey, authToken, emnify.getString("refresh_token"),
                applicationToken, derived, oauth.getString("access_token"), oauth.getString("refresh_token"));
    }

    private Reply authenticate(String json) {
        return from(http.post("/api/v1/authenticate")).json(json).send();
    }

    private Reply exchange(String applicationToken) {
        return authenticate("{\"application_token\":\"" + applicationToken + "\"}");
    }

    private Reply passwordGrant(String email, String password) {
        return from(http.post("/oauth/v2/token")).basicAuth(clientId, clientSecret)
                .form(Map.of("grant_type", "password", "username", email, "password", password)).send();
    }

    private Reply me(Http.Request request) {
        return from(request).send();
    }

    private boolean bearerWorks(String token) {
        return ok(me(http.get("/api/1/users/me").header("Authorization", "Bearer " + token)));
    }

    private boolean introspectedActive(String token) {
        Reply reply = from(http.post("/oauth/v2/introspect")).basicAuth(clientId, clientSecret)
                .form(Map.of("token", token)).send();
        assertEquals(200, reply.status(), reply::toString);
        return reply.object().getBoolean("active");
    }

    private static boolean ok(Reply reply) {
        if (reply.status() != 200 && reply.status() != 401) {
            fail("Neither accepted nor refused: " + reply);
        }
        return reply.status() == 200;
    }

    /**
     * Whether each credential works now. The OAuth refresh token is asked through introspection
     * (a grant would use it up); {@link #assertRefreshGrant} tries the grant itself.
     */
    private Map<String, Boolean> probe(Held held) {
        Map<String, Boolean> works = new LinkedHashMap<>();
        works.put("session", ok(me(http.get("/api/1/users/me").cookie("sesskey=" + held.session()))));
        works.put("basic", ok(me(http.get("/api/1/users/me").basicAuth(held.email(), held.password()))));
        works.put("apikey", ok(me(http.get("/api/1/users/me?apikey=" + held.apiKey()))));
        works.put("auth_token", bearerWorks(held.authToken()));
        works.put("emnify refresh_token", ok(authenticate("{\"refresh_token\":\"" + held.emnifyRefresh() + "\"}")));
        works.put("application_token", ok(exchange(held.applicationToken())));
        works.put("derived auth_token", bearerWorks(held.derivedAuthToken()));
        boolean accessWorks = bearerWorks(held.accessToken());
        boolean accessActive = introspectedActive(held.accessToken());
        assertEquals(accessWorks, accessActive, "introspection tells the truth about the access token");
        works.put("access_token", accessWorks);
        works.put("oauth refresh_token", introspectedActive(held.oauthRefresh()));
        return works;
    }

    /** Every form works except those named. */
    private void assertOnly(Held held, Set<String> refused, String when) {
        Map<String, Boolean> works = probe(held);
        List<String> wrong = new ArrayList<>();
        works.forEach((form, good) -> {
            if (good == refused.contains(form)) {
                wrong.add(form + (good ? " still works" : " is refused"));
            }
        });
        assertTrue(wrong.isEmpty(), when + ": " + wrong + " (all: " + works + ")");
    }

    private void assertRefreshGrant(Held held, boolean works) {
        Reply reply = from(http.post("/oauth/v2/token")).basicAuth(clientId, clientSecret)
                .form(Map.of("grant_type", "refresh_token", "refresh_token", held.oauthRefresh())).send();
        assertEquals(works ? 200 : 400, reply.status(), reply::toString);
    }

    private void assertEverythingRefused(Held held, String when) {
        assertOnly(held, Set.copyOf(FORMS), when);
        assertRefreshGrant(held, false);
    }

    /** What a password change, a reset or a sign-out leaves: the standing credentials (and Basic with the password in force). */
    private static final Set<String> ENDED_BY_SIGN_OUT = Set.of("session", "auth_token", "emnify refresh_token",
            "derived auth_token", "access_token", "oauth refresh_token");

    private void assertNewCredentialsWork(Held old, String password) {
        Held fresh = obtain(old.userId(), old.email(), password);
        assertOnly(fresh, Set.of(), "credentials obtained after the event");
        assertRefreshGrant(fresh, true);
    }

    @Test
    void ownPasswordChangeEndsEverySessionAndTokenButNotTheApiKeyOrApplicationTokens() {
        Held held = newUser();
        assertOnly(held, Set.of(), "before");

        Reply changed = from(http.post("/api/1/users/me/password")).basicAuth(held.email(), PASSWORD)
                .json("{\"current_password\":\"" + PASSWORD + "\",\"new_password\":\"" + NEW_PASSWORD + "\"}").send();
        assertEquals(200, changed.status(), changed::toString);

        Set<String> ended = new java.util.HashSet<>(ENDED_BY_SIGN_OUT);
        ended.add("basic");  // the old password
        assertOnly(held, ended, "after the user changed the password");
        assertRefreshGrant(held, false);
        assertNewCredentialsWork(held, NEW_PASSWORD);
    }

    @Test
    void adminResetEndsEverySessionAndTokenButNotTheApiKeyOrApplicationTokens() {
        Held held = newUser();

        assertEquals(200, gatehouse.patchUser(held.userId(), "{\"password\":\"" + NEW_PASSWORD + "\"}").status());

        Set<String> ended = new java.util.HashSet<>(ENDED_BY_SIGN_OUT);
        ended.add("basic");
        assertOnly(held, ended, "after an admin's reset");
        assertRefreshGrant(held, false);
        assertNewCredentialsWork(held, NEW_PASSWORD);
    }

    @Test
    void signOutEverywhereEndsEverySessionAndTokenButNotThePasswordTheApiKeyOrApplicationTokens() {
        Held held = newUser();

        assertEquals(200, gatehouse.asAdmin(http.post("/api/admin/users/" + held.userId() + "/revoke")).send().status());

        assertOnly(held, ENDED_BY_SIGN_OUT, "after sign out everywhere");
        assertRefreshGrant(held, false);
        assertNewCredentialsWork(held, PASSWORD);
    }

    @Test
    void lockRefusesEverythingAndUnlockBringsBackOnlyThePasswordApiKeyAndApplicationTokens() {
        Held held = newUser();

        assertEquals(200, gatehouse.patchUser(held.userId(), "{\"status\":\"locked\"}").status());
        assertOnly(held, Set.copyOf(FORMS), "while locked");

        assertEquals(200, gatehouse.patchUser(held.userId(), "{\"status\":\"active\"}").status());
        assertOnly(held, ENDED_BY_SIGN_OUT, "after the unlock");
        assertRefreshGrant(held, false);
        assertNewCredentialsWork(held, PASSWORD);
    }

    @Test
    void disableEndsEverythingAndReactivationBringsBackOnlyThePassword() {
        Held held = newUser();

        assertEquals(200, gatehouse.patchUser(held.userId(), "{\"status\":\"disabled\"}").status());
        assertOnly(held, Set.copyOf(FORMS), "while disabled");

        assertEquals(200, gatehouse.patchUser(held.userId(), "{\"status\":\"active\"}").status());
        Set<String> ended = new java.util.HashSet<>(ENDED_BY_SIGN_OUT);
        ended.addAll(Set.of("apikey", "application_token"));
        assertOnly(held, ended, "after re-activating a disabled user");
        assertRefreshGrant(held, false);
        assertNewCredentialsWork(held, PASSWORD);
    }

    @Test
    void deleteEndsEverything() {
        Held held = newUser();

        assertEquals(200, gatehouse.asAdmin(http.delete("/api/admin/users/" + held.userId())).send().status());

        assertEverythingRefused(held, "after the user was deleted");
    }

    @Test
    void theCompromisedActionAlsoEndsTheApiKeyAndApplicationTokensAndIsAudited() {
        Held held = newUser();
        Held other = newUser();

        Reply revoked = gatehouse.asAdmin(http.post("/api/admin/users/" + held.userId() + "/revoke?compromised=true")).send();

        assertEquals(200, revoked.status(), revoked::toString);
        Set<String> ended = new java.util.HashSet<>(ENDED_BY_SIGN_OUT);
        ended.addAll(Set.of("apikey", "application_token"));
        assertOnly(held, ended, "after the compromised-account action");
        assertRefreshGrant(held, false);
        assertOnly(other, Set.of(), "another user");
        String newKey = from(http.get("/api/1/users/me/apikey")).basicAuth(held.email(), PASSWORD).send().data().getString("apikey");
        assertTrue(!newKey.equals(held.apiKey()), "a new key is made on the next view");
        assertNewCredentialsWork(held, PASSWORD);
        // The audit log is written in batches: give it a moment.
        Reply audit = null;
        for (int i = 0; i < 50; i++) {
            audit = gatehouse.asAdmin(http.get("/api/admin/audit?scheme=admin_revoke_all&userid=" + held.userId())).send();
            if (!audit.dataValue().asJsonArray().isEmpty()) {
                break;
            }
            sleep(100);
        }
        assertEquals(1, audit.dataValue().asJsonArray().size(), audit::toString);
    }

    @Test
    void theCompromisedOptionTakesOnlyTrueOrFalse() {
        Held held = newUser();

        Reply bad = gatehouse.asAdmin(http.post("/api/admin/users/" + held.userId() + "/revoke?compromised=yes")).send();

        assertEquals(400, bad.status(), bad::toString);
        assertEquals("compromised must be true or false", bad.error());
        assertOnly(held, Set.of(), "nothing changed");
    }

    /** As the README says: a Konekt logout ends that session and the user's refresh tokens, nothing else. */
    @Test
    void logoutEndsThatSessionAndTheRefreshTokensOnly() {
        Held held = newUser();
        String other = gatehouse.sessionKey(held.email(), PASSWORD);

        assertEquals(200, from(http.delete("/api/1/auth/session")).cookie("sesskey=" + held.session()).send().status());

        assertOnly(held, Set.of("session", "emnify refresh_token", "oauth refresh_token"), "after logging one session out");
        assertRefreshGrant(held, false);
        assertEquals(200, me(http.get("/api/1/users/me").cookie("sesskey=" + other)).status(), "the other session");
    }

    /**
     * The one-second pitfall: a JWT's iat has whole seconds. A token obtained just before the
     * event, in the same second, must be refused; one obtained just after it, in that second too, must work.
     */
    @Test
    void tokensFromJustBeforeTheEventInItsSecondAreRefusedAndFromJustAfterWork() {
        for (int attempt = 0; attempt < 10; attempt++) {
            String email = uniqueEmail("same-second");
            long id = gatehouse.createUser(email, PASSWORD, "Same Second");
            String loginJson = "{\"username\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}";
            awaitStartOfASecond();
            Instant started = Instant.now();
            String before = authenticate(loginJson).object().getString("auth_token");
            String sessionBefore = gatehouse.sessionKey(email, PASSWORD);
            assertEquals(200, gatehouse.asAdmin(http.post("/api/admin/users/" + id + "/revoke")).send().status());
            Instant revoked = Instant.now();
            Supplier<String> after = () -> authenticate(loginJson).object().getString("auth_token");
            String tokenAfter = after.get();
            String accessAfter = passwordGrant(email, PASSWORD).object().getString("access_token");
            String sessionAfter = gatehouse.sessionKey(email, PASSWORD);
            if (!started.truncatedTo(ChronoUnit.SECONDS).equals(revoked.truncatedTo(ChronoUnit.SECONDS))) {
                continue;  // the machine was too slow to fit both into one second: try again
            }
            assertTrue(!bearerWorks(before), "the auth_token from just before the event, in its second");
            assertEquals(401, me(http.get("/api/1/users/me").cookie("sesskey=" + sessionBefore)).status());
            assertTrue(bearerWorks(tokenAfter), "the auth_token from just after the event, in its second");
            assertTrue(bearerWorks(accessAfter), "the access token from just after the event");
            assertEquals(200, me(http.get("/api/1/users/me").cookie("sesskey=" + sessionAfter)).status());
            return;
        }
        fail("Ten attempts could not fit a login and a revocation into one second");
    }

    private static void awaitStartOfASecond() {
        sleep(1000 - System.currentTimeMillis() % 1000 + 20);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
