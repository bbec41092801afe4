package io.gatehouse.it.cluster;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import io.gatehouse.it.Gatehouse;
import io.gatehouse.it.Http;
import io.gatehouse.it.OtpInbox;
import io.gatehouse.it.Reply;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import static io.gatehouse.it.Gatehouse.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three nodes on one database behind a round-robin balancer, started by
 * server-config/cluster/cluster.sh (mvn verify -Pcluster): a change made through one node holds on
 * the others within a second, though each of them had the old state in its caches.
 */
class ClusterIT {

    private static final String PASSWORD = "cluster-passw0rd-1";
    private static final Duration WITHIN = Duration.ofSeconds(1);

    private static List<Http> nodes;
    private static Http balancer;

    private final Gatehouse admin = new Gatehouse(nodes.get(0));

    @BeforeAll
    static void connect() {
        nodes = ClusterUnderTest.nodes();
        balancer = ClusterUnderTest.balancer();
    }

    @Test
    void aLogoutOnOneNodeEndsTheSessionOnTheOthers() {
        String email = newUser().email();
        String session = new Gatehouse(node(0)).sessionKey(email, PASSWORD);
        everyOtherNode(0, node -> assertEquals(200, me(node, "?sesskey=" + session).status()));

        assertEquals(200, node(0).delete("/api/1/auth/session?sesskey=" + session).send().status());

        everyOtherNode(0, node -> assertWithin("the session ends", () -> me(node, "?sesskey=" + session).status() == 401));
    }

    @Test
    void aChangeIsOneRowOfTheFeedHoweverManyNodesHearOfIt() throws Exception {
        String email = newUser().email();
        String session = new Gatehouse(node(1)).sessionKey(email, PASSWORD);
        long before = feedRows();

        assertEquals(200, node(1).delete("/api/1/auth/session?sesskey=" + session).send().status());
        sleep(1500);  // every node has read it, several times over

        assertEquals(before + 1, feedRows(), "a replayed change is never published again");
    }

    @Test
    void aNewApiKeyRetiresTheOldOneOnEveryNode() {
        String email = newUser().email();
        String old = node(1).get("/api/1/users/me/apikey").basicAuth(email, PASSWORD).send().data().getString("apikey");
        everyOtherNode(1, node -> assertEquals(200, me(node, "?apikey=" + old).status()));

        String fresh = node(1).post("/api/1/users/me/apikey").basicAuth(email, PASSWORD).send().data().getString("apikey");

        everyOtherNode(1, node -> assertWithin("the old key stops", () -> me(node, "?apikey=" + old).status() == 401));
        everyOtherNode(1, node -> assertEquals(200, me(node, "?apikey=" + fresh).status()));
    }

    @Test
    void aNewPasswordEndsCachedBasicCredentialsAndSessionsEverywhere() {
        User user = newUser();
        String email = user.email();
        long userId = user.id();
        String session = new Gatehouse(node(2)).sessionKey(email, PASSWORD);
        everyOtherNode(0, node -> {
            assertEquals(200, node.get("/api/1/users/me").basicAuth(email, PASSWORD).send().status());
            assertEquals(200, me(node, "?sesskey=" + session).status());
        });

        assertEquals(200, admin.patchUser(userId, "{\"password\":\"another-passw0rd-2\"}").status());

        everyOtherNode(0, node -> {
            assertWithin("the cached password stops", () -> node.get("/api/1/users/me").basicAuth(email, PASSWORD).send().status() == 401);
            assertWithin("the session ends", () -> me(node, "?sesskey=" + session).status() == 401);
            assertEquals(200, node.get("/api/1/users/me").basicAuth(email, "another-passw0rd-2").send().status());
        });
    }

    @Test
    void anAdminLockHoldsOnEveryNodeAndSoDoesTheUnlock() {
        User user = newUser();
        String email = user.email();
        long userId = user.id();
        everyOtherNode(0, node -> assertEquals(200, node.get("/api/1/users/me").basicAuth(email, PASSWORD).send().status()));

        assertEquals(200, admin.patchUser(userId, "{\"status\":\"locked\"}").status());
        everyOtherNode(0, node -> assertWithin("the lock holds",
                () -> node.get("/api/1/users/me").basicAuth(email, PASSWORD).send().status() == 401));

        assertEquals(200, admin.patchUser(userId, "{\"status\":\"active\"}").status());
        everyOtherNode(0, node -> assertWithin("the unlock holds",
                () -> node.get("/api/1/users/me").basicAuth(email, PASSWORD).send().status() == 200));
    }

    @Test
    void aRevokedApplicationTokenAndItsAuthTokensStopOnEveryNode() {
        String email = newUser().email();
        String bearer = "Bearer " + authenticate(node(0), "{\"username\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}")
                .object().getString("auth_token");
        String applicationToken = node(0).post("/api/v1/application_token").header("Authorization", bearer)
                .json("{\"description\":\"cluster\"}").send().object().getString("application_token");
        JsonArray list = node(0).get("/api/v1/application_token").header("Authorization", bearer).send().json().asJsonArray();
        long id = list.getJsonObject(list.size() - 1).getJsonNumber("id").longValue();
        String derived = "Bearer " + authenticate(node(1), "{\"application_token\":\"" + applicationToken + "\"}")
                .object().getString("auth_token");
        everyOtherNode(0, node -> assertEquals(200, node.get("/api/1/users/me").header("Authorization", derived).send().status()));

        assertEquals(204, node(0).patch("/api/v1/application_token/" + id).header("Authorization", bearer)
                .json("{\"status\":{\"id\":1}}").send().status());

        everyOtherNode(0, node -> {
            assertWithin("its auth_token stops", () -> node.get("/api/1/users/me").header("Authorization", derived).send().status() == 401);
            assertEquals(401, authenticate(node, "{\"application_token\":\"" + applicationToken + "\"}").status());
        });
    }

    @Test
    void anApplicationTokenMadeOnOneNodeWorksOnEveryNode() {
        String email = newUser().email();
        String bearer = "Bearer " + authenticate(node(2), "{\"username\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}")
                .object().getString("auth_token");
        for (Http node : nodes) {
            // every node has served application tokens before this one is made
            assertEquals(200, node.get("/api/v1/application_token").header("Authorization", bearer).send().status());
        }
        String applicationToken = node(2).post("/api/v1/application_token").header("Authorization", bearer)
                .json("{}").send().object().getString("application_token");

        String derived = "Bearer " + authenticate(node(0), "{\"application_token\":\"" + applicationToken + "\"}")
                .object().getString("auth_token");

        for (Http node : nodes) {
            assertEquals(200, node.get("/api/1/users/me").header("Authorization", derived).send().status());
        }
    }

    @Test
    void aSettingsChangeHoldsOnEveryNode() {
        int ttl = 11 + (int) (System.nanoTime() % 15);
        Reply changed = admin.setSettings("{\"otp.ttlMinutes\":" + ttl + "}");
        assertEquals(200, changed.status(), changed::toString);

        everyOtherNode(0, node -> assertWithin("otp.ttlMinutes is " + ttl, () -> new Gatehouse(node)
                .asAdmin(node.get("/api/admin/settings")).send().data().getInt("otp.ttlMinutes") == ttl));
    }

    @Test
    void aNewSigningKeyIsPublishedEverywhereAndOldTokensStillWork() throws Exception {
        String email = newUser().email();
        String before = authenticate(node(0), "{\"username\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}")
                .object().getString("auth_token");

        Reply rotated = admin.asAdmin(node(0).post("/api/admin/signing-keys/rotate")).send();
        assertEquals(200, rotated.status(), rotated::toString);
        String kid = rotated.data().getString("kid");
        assertNotEquals(SignedJWT.parse(before).getHeader().getKeyID(), kid);

        for (Http node : nodes) {
            assertWithin("the new kid is published", () -> jwks(node).getKeyByKeyId(kid) != null);
            assertEquals(200, node.get("/api/1/users/me").header("Authorization", "Bearer " + before).send().status(),
                    "a token of the old key still works");
        }
        String after = authenticate(node(1), "{\"username\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}")
                .object().getString("auth_token");
        assertEquals(kid, SignedJWT.parse(after).getHeader().getKeyID(), "every node signs with the new key");
        for (Http node : nodes) {
            assertEquals(200, node.get("/api/1/users/me").header("Authorization", "Bearer " + after).send().status());
        }
    }

    @Test
    void aClientMadeOnOneNodeWorksOnEveryNodeAtOnce() {
        JsonObject client = admin.asAdmin(node(0).post("/api/admin/clients"))
                .json("{\"name\":\"cluster at once\",\"grant_types\":[\"client_credentials\"]}").send().data();
        // Sooner than the change feed's next read: the other nodes read the client's row themselves
        // (aRevokedAccessTokenIsRefusedOnEveryNode does the same for its tokens, used at once elsewhere).
        for (Http node : nodes) {
            Reply token = node.post("/oauth/v2/token").basicAuth(client.getString("client_id"), client.getString("client_secret"))
                    .form(Map.of("grant_type", "client_credentials")).send();
            assertEquals(200, token.status(), token::toString);
        }
    }

    @Test
    void aRevokedAccessTokenIsRefusedOnEveryNode() {
        String email = newUser().email();
        Map<String, String> clientAuth = newClient("cluster revoke", "password");
        String access = node(0).post("/oauth/v2/token").form(with(clientAuth, Map.of("grant_type", "password",
                "username", email, "password", PASSWORD))).send().object().getString("access_token");
        for (Http node : nodes) {  // every node has verified it and remembers it
            assertEquals(200, node.get("/api/1/users/me").header("Authorization", "Bearer " + access).send().status());
        }

        assertEquals(200, node(0).post("/oauth/v2/revoke").form(with(clientAuth, Map.of("token", access))).send().status());

        everyOtherNode(0, node -> assertWithin("the revoked access token is refused",
                () -> node.get("/api/1/users/me").header("Authorization", "Bearer " + access).send().status() == 401));
        assertEquals(401, node(0).get("/api/1/users/me").header("Authorization", "Bearer " + access).send().status());
    }

    @Test
    void twentyConcurrentUsesOfOneRefreshTokenAcrossTheNodesLetExactlyOneThrough() throws Exception {
        String email = newUser().email();
        Map<String, String> clientAuth = newClient("cluster", "password", "refresh_token");
        Reply issued = balancer.post("/oauth/v2/token").form(with(clientAuth, Map.of("grant_type", "password",
                "username", email, "password", PASSWORD))).send();
        assertEquals(200, issued.status(), issued::toString);
        Map<String, String> refresh = with(clientAuth, Map.of("grant_type", "refresh_token",
                "refresh_token", issued.object().getString("refresh_token")));

        assertEquals(1, concurrentTokenGrants(20, refresh), "exactly one of twenty concurrent uses");
    }

    @Test
    void failedLoginsSpreadOverTheNodesLockTheAccountAfterTheSameNumberAsOnOne() {
        String email = newUser().email();
        String address = Gatehouse.uniqueAddress();
        int maxFailures = admin.asAdmin(node(0).get("/api/admin/settings")).send().data().getInt("lockout.maxFailures");
        for (int i = 0; i < maxFailures - 1; i++) {
            assertEquals(401, login(node(i % nodes.size()), address, email, "wrong-" + i).status());
        }
        assertEquals(200, login(balancer, address, email, PASSWORD).status(), "one failure short: not locked, and the count starts over");

        for (int i = 0; i < maxFailures; i++) {
            assertEquals(401, login(balancer, address, email, "wrong-again-" + i).status());
        }
        for (Http node : nodes) {
            Reply refused = login(node, address, email, PASSWORD);
            assertEquals(401, refused.status(), "locked on every node: " + refused);
        }
    }

    @Test
    void failedLoginsFromOneAddressAreCountedTogetherOnEveryNode() {
        String email = newUser().email();
        String address = Gatehouse.uniqueAddress();
        setEverywhere("lockout.addressMaxFailures", 6);
        try {
            for (int i = 0; i < 6; i++) {  // unknown users: no account lockout gets in the way
                assertEquals(401, login(node(i % nodes.size()), address, uniqueEmail("nobody"), "guess-" + i).status());
            }
            for (Http node : nodes) {
                Reply blocked = login(node, address, email, PASSWORD);
                assertEquals(429, blocked.status(), "blocked on every node: " + blocked);
            }
            assertEquals(200, login(balancer, Gatehouse.uniqueAddress(), email, PASSWORD).status(), "another address is not blocked");
        } finally {
            setEverywhere("lockout.addressMaxFailures", 100);
        }
    }

    @Test
    void emnifysHundredAuthenticationsPerAddressAreCountedTogetherOnEveryNode() {
        String address = Gatehouse.uniqueAddress();
        String refresh = "{\"refresh_token\":\"not-a-token\"}";
        for (int i = 0; i < 100; i++) {
            Reply refused = node(i % nodes.size()).post("/api/v1/authenticate").header("X-Forwarded-For", address).json(refresh).send();
            assertEquals(401, refused.status(), "request " + (i + 1) + " is within the limit: " + refused);
        }
        for (Http node : nodes) {
            Reply limited = node.post("/api/v1/authenticate").header("X-Forwarded-For", address).json(refresh).send();
            assertEquals(429, limited.status(), limited::toString);
            assertEquals("TooManyRequests", limited.object().getString("error_token"));
        }
        Reply other = balancer.post("/api/v1/authenticate").header("X-Forwarded-For", Gatehouse.uniqueAddress()).json(refresh).send();
        assertEquals(401, other.status(), "another address still gets an answer: " + other);
    }

    @Test
    void aOneTimePasswordWorksOnceWhicheverNodesSeeIt() throws Exception {
        String email = newUser().email();
        Map<String, String> clientAuth = newClient("cluster otp", "client_credentials", "password");
        setEverywhere("otp.enabled", true);
        try (OtpInbox inbox = new OtpInbox()) {
            String token = node(0).post("/oauth/v2/token").form(with(clientAuth, Map.of("grant_type", "client_credentials")))
                    .send().object().getString("access_token");
            Reply sent = node(0).post("/otp/send").header("Authorization", "Bearer " + token)
                    .json("{\"email\":\"" + email + "\"}").send();
            assertEquals(200, sent.status(), sent::toString);
            Map<String, String> grant = with(clientAuth, Map.of("grant_type", "password", "username", email,
                    "password", inbox.mailedCode(email, 1)));

            assertEquals(1, concurrentTokenGrants(6, grant), "exactly one of six concurrent uses on three nodes");
            for (Http node : nodes) {
                assertEquals(400, node.post("/oauth/v2/token").form(grant).send().status(), "used: refused everywhere");
            }
        } finally {
            setEverywhere("otp.enabled", false);
        }
    }

    /**
     * Issue 16 item 1 across nodes: tokens and a session used on node 0 (so every cache there holds
     * them), the user's own password change on node 1, and every node refuses them within a second;
     * a token issued right after it works everywhere.
     */
    @Test
    void aPasswordChangeOnOneNodeEndsTokensAndSessionsUsedOnAnotherOnEveryNode() {
        User user = newUser();
        String address = Gatehouse.uniqueAddress();
        Map<String, String> client = newClient("lifecycle", "password", "refresh_token");
        JsonObject emnify = authenticate(node(0), address, "{\"username\":\"" + user.email() + "\",\"password\":\"" + PASSWORD + "\"}").object();
        String authToken = "Bearer " + emnify.getString("auth_token");
        String emnifyRefresh = "{\"refresh_token\":\"" + emnify.getString("refresh_token") + "\"}";
        String accessToken = "Bearer " + node(0).post("/oauth/v2/token").header("X-Forwarded-For", address)
                .form(with(client, Map.of("grant_type", "password", "username", user.email(), "password", PASSWORD)))
                .send().object().getString("access_token");
        String session = new Gatehouse(node(0)).sessionKey(user.email(), PASSWORD);
        for (Http node : nodes) {
            assertEquals(200, node.get("/api/1/users/me").header("Authorization", authToken).send().status());
            assertEquals(200, node.get("/api/1/users/me").header("Authorization", accessToken).send().status());
            assertEquals(200, me(node, "?sesskey=" + session).status());
        }

        Reply changed = node(1).post("/api/1/users/me/password").basicAuth(user.email(), PASSWORD)
                .json("{\"current_password\":\"" + PASSWORD + "\",\"new_password\":\"another-passw0rd-3\"}").send();
        assertEquals(200, changed.status(), changed::toString);
        String fresh = "Bearer " + authenticate(node(2), address, "{\"username\":\"" + user.email()
                + "\",\"password\":\"another-passw0rd-3\"}").object().getString("auth_token");

        for (Http node : nodes) {
            assertWithin("the auth_token ends", () -> node.get("/api/1/users/me").header("Authorization", authToken).send().status() == 401);
            assertWithin("the access token ends", () -> node.get("/api/1/users/me").header("Authorization", accessToken).send().status() == 401);
            assertWithin("the session ends", () -> me(node, "?sesskey=" + session).status() == 401);
            assertWithin("the refresh_token ends", () -> authenticate(node, address, emnifyRefresh).status() == 401);
            assertEquals(200, node.get("/api/1/users/me").header("Authorization", fresh).send().status(), "a token issued after it");
        }
    }

    /** The compromised-account action on node 1 ends the API key and the application tokens used on node 0, on every node. */
    @Test
    void theCompromisedActionOnOneNodeEndsTheApiKeyAndApplicationTokensOnEveryNode() {
        User user = newUser();
        String address = Gatehouse.uniqueAddress();
        String apiKey = node(0).get("/api/1/users/me/apikey").basicAuth(user.email(), PASSWORD).send().data().getString("apikey");
        String bearer = "Bearer " + authenticate(node(0), address, "{\"username\":\"" + user.email() + "\",\"password\":\"" + PASSWORD + "\"}")
                .object().getString("auth_token");
        String exchange = "{\"application_token\":\"" + node(0).post("/api/v1/application_token").header("Authorization", bearer)
                .json("{\"description\":\"cluster\"}").send().object().getString("application_token") + "\"}";
        String derived = "Bearer " + authenticate(node(0), address, exchange).object().getString("auth_token");
        for (Http node : nodes) {
            assertEquals(200, me(node, "?apikey=" + apiKey).status());
            assertEquals(200, node.get("/api/1/users/me").header("Authorization", derived).send().status());
        }

        Http nodeB = node(1);
        assertEquals(200, new Gatehouse(nodeB).asAdmin(nodeB.post("/api/admin/users/" + user.id() + "/revoke?compromised=true"))
                .send().status());

        for (Http node : nodes) {
            assertWithin("the API key ends", () -> me(node, "?apikey=" + apiKey).status() == 401);
            assertWithin("the derived auth_token ends", () -> node.get("/api/1/users/me").header("Authorization", derived).send().status() == 401);
            assertWithin("the application token ends", () -> authenticate(node, address, exchange).status() == 401);
            assertWithin("the auth_token ends", () -> node.get("/api/1/users/me").header("Authorization", bearer).send().status() == 401);
        }
    }

    // ---------------------------------------------------------------- helpers

    /** Sends the same token request {@code times} times at once, spread over the nodes; answers how many got a token. */
    private static int concurrentTokenGrants(int times, Map<String, String> form) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(times);
        try {
            List<Callable<Integer>> uses = new ArrayList<>();
            for (int i = 0; i < times; i++) {
                Http node = node(i % nodes.size());
                uses.add(() -> node.post("/oauth/v2/token").form(form).send().status());
            }
            int successes = 0;
            for (Future<Integer> status : pool.invokeAll(uses)) {
                successes += status.get() == 200 ? 1 : 0;
            }
            return successes;
        } finally {
            pool.shutdownNow();
        }
    }

    /** A new OAuth client's credentials, as form fields. */
    private Map<String, String> newClient(String name, String... grantTypes) {
        JsonObject client = admin.asAdmin(node(0).post("/api/admin/clients")).json(jakarta.json.Json.createObjectBuilder()
                .add("name", name).add("grant_types", jakarta.json.Json.createArrayBuilder(List.of(grantTypes))).build().toString())
                .send().data();
        return Map.of("client_id", client.getString("client_id"), "client_secret", client.getString("client_secret"));
    }

    private static Map<String, String> with(Map<String, String> a, Map<String, String> b) {
        Map<String, String> both = new HashMap<>(a);
        both.putAll(b);
        return both;
    }

    private static Http node(int i) {
        return nodes.get(i);
    }

    private static void everyOtherNode(int origin, java.util.function.Consumer<Http> check) {
        for (int i = 0; i < nodes.size(); i++) {
            if (i != origin) {
                check.accept(nodes.get(i));
            }
        }
    }

    /** The condition holds within {@link #WITHIN} of the change that should bring it about. */
    private static void assertWithin(String what, Supplier<Boolean> condition) {
        long started = System.nanoTime();
        long deadline = started + WITHIN.multipliedBy(5).toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": not within " + WITHIN.multipliedBy(5).toMillis() + " ms");
            }
            sleep(25);
        }
        long took = (System.nanoTime() - started) / 1_000_000;
        assertTrue(took <= WITHIN.toMillis(), what + " took " + took + " ms, more than " + WITHIN.toMillis());
    }

    /** The change feed's rows, read from the nodes' database. */
    private static long feedRows() throws Exception {
        try (Connection db = DriverManager.getConnection(System.getProperty("it.cluster.dbUrl"), "postgres", "");
             ResultSet count = db.createStatement().executeQuery("select count(*) from gh_cluster_change")) {
            count.next();
            return count.getLong(1);
        }
    }

    private static Reply login(Http via, String address, String email, String password) {
        return via.post("/api/1/auth/session").header("X-Forwarded-For", address)
                .json("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}").send();
    }

    /** Changes a setting and waits until every node has it. */
    private void setEverywhere(String key, Object value) {
        Reply changed = admin.setSettings("{\"" + key + "\":" + value + "}");
        assertEquals(200, changed.status(), changed::toString);
        for (Http node : nodes) {
            assertWithin(key + " is " + value, () -> new Gatehouse(node).asAdmin(node.get("/api/admin/settings"))
                    .send().data().get(key).toString().equals(value.toString()));
        }
    }

    private static Reply me(Http node, String query) {
        return node.get("/api/1/users/me" + query).send();
    }

    private static Reply authenticate(Http node, String json) {
        return node.post("/api/v1/authenticate").json(json).send();
    }

    private static Reply authenticate(Http node, String address, String json) {
        return node.post("/api/v1/authenticate").header("X-Forwarded-For", address).json(json).send();
    }

    private static JWKSet jwks(Http node) {
        try {
            return JWKSet.parse(node.get("/.well-known/jwks.json").send().body());
        } catch (java.text.ParseException e) {
            throw new AssertionError(e);
        }
    }

    private record User(String email, long id) {
    }

    private User newUser() {
        String email = uniqueEmail("cluster");
        return new User(email, admin.createUser(email, PASSWORD, "Cluster User"));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
