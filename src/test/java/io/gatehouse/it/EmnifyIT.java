package io.gatehouse.it;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;

import static io.gatehouse.it.Gatehouse.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The emnify document's requests as written: /api/v1/authenticate with a password (plain or its
 * SHA-1), a refresh_token or an application_token; application tokens; emnify's error bodies.
 * The address limit (100 per 5 minutes) is tested last: it shuts this server's door.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmnifyIT extends AgainstServer {

    private static final String PASSWORD = "my_password-2021";

    String email;
    long userId;

    @BeforeEach
    void user() {
        email = uniqueEmail("emnify");
        userId = gatehouse.createUser(email, PASSWORD, "Emnify User");
    }

    private Reply authenticate(String json) {
        return http.post("/api/v1/authenticate").json(json).send();
    }

    private Reply withPassword(String password) {
        return authenticate("{\"username\":\"" + email + "\",\"password\":\"" + password + "\"}");
    }

    private static String sha1(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static void assertEmnifyError(int status, String token, Reply reply) {
        assertEquals(status, reply.status(), reply::toString);
        JsonObject body = reply.object();
        assertEquals(status, body.getInt("error_code"), reply::toString);
        assertEquals(token, body.getString("error_token"), reply::toString);
        assertFalse(body.getString("message").isBlank());
    }

    private String bearer(String token) {
        return "Bearer " + token;
    }

    @Test
    @Order(1)
    void thePlainPasswordAndItsSha1BothGiveAnAuthTokenAndARefreshToken() throws Exception {
        Reply plain = withPassword(PASSWORD);
        Reply hashed = withPassword(sha1(PASSWORD));

        for (Reply reply : List.of(plain, hashed)) {
            assertEquals(200, reply.status(), reply::toString);
            assertTrue(reply.object().getString("auth_token").startsWith("eyJ"));
            assertTrue(reply.object().getString("refresh_token").startsWith("eyJ"));
        }
        String token = plain.object().getString("auth_token");
        Reply me = http.get("/api/1/users/me").header("Authorization", bearer(token)).send();
        assertEquals(200, me.status(), me::toString);
        assertEquals(userId, me.data().getJsonNumber("userid").longValue());
        assertEquals(200, http.get("/api/v1/application_token").header("Authorization", bearer(token)).send().status());
    }

    @Test
    @Order(2)
    void theAuthTokenCarriesTheClaimsAMicroProfileJwtApplicationNeeds() throws Exception {
        SignedJWT jwt = SignedJWT.parse(withPassword(PASSWORD).object().getString("auth_token"));
        JWTClaimsSet claims = jwt.getJWTClaimsSet();

        assertEquals("ES256", jwt.getHeader().getAlgorithm().getName());
        // typ JWT, as MP-JWT requires; token_use says what kind (TokenType).
        assertEquals("JWT", jwt.getHeader().getType().getType());
        assertEquals("access", claims.getStringClaim("token_use"));
        assertTrue(jwt.getHeader().getKeyID() != null);
        assertEquals(String.valueOf(userId), claims.getSubject());
        assertEquals(email, claims.getStringClaim("upn"));
        assertEquals(List.of("user"), claims.getStringListClaim("groups"));
        assertEquals(List.of("gatehouse"), claims.getAudience());
        assertTrue(claims.getIssuer() != null && claims.getJWTID() != null && claims.getIssueTime() != null);
        long minutes = Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()).toMinutes();
        assertEquals(240, minutes, "valid 240 minutes, as the document says");
    }

    @Test
    @Order(3)
    void aRefreshTokenGivesOnlyANewAuthToken() {
        String refresh = withPassword(PASSWORD).object().getString("refresh_token");

        Reply refreshed = authenticate("{\"refresh_token\":\"" + refresh + "\"}");

        assertEquals(200, refreshed.status(), refreshed::toString);
        assertFalse(refreshed.object().containsKey("refresh_token"));
        String token = refreshed.object().getString("auth_token");
        assertEquals(200, http.get("/api/1/users/me").header("Authorization", bearer(token)).send().status());
        assertEquals(200, authenticate("{\"refresh_token\":\"" + refresh + "\"}").status(), "emnify does not rotate");
    }

    @Test
    @Order(4)
    void badInputAndBadCredentialsGetEmnifysErrorBody() {
        assertEmnifyError(400, "BadRequest", authenticate("{\"username\": "));
        assertEmnifyError(400, "BadRequest", authenticate("[]"));
        assertEmnifyError(400, "BadRequest", authenticate("{}"));
        assertEmnifyError(400, "BadRequest", authenticate("{\"username\":\"" + email + "\"}"));
        assertEmnifyError(415, "UnsupportedMediaType",
                http.post("/api/v1/authenticate").body("text/plain", "username=x").send());
        assertEmnifyError(401, "Unauthorized", withPassword("wrong-password"));
        assertEmnifyError(401, "Unauthorized", authenticate("{\"username\":\"" + uniqueEmail("nobody") + "\",\"password\":\"x-y-z\"}"));
        assertEmnifyError(401, "Unauthorized", http.get("/api/v1/application_token").send());
    }

    @Test
    @Order(5)
    void threeFailuresInARowBlockTheAccountForFiveMinutes() {
        for (int i = 0; i < 3; i++) {
            assertEmnifyError(401, "Unauthorized", withPassword("wrong-" + i));
        }

        Reply blocked = withPassword(PASSWORD);

        assertEmnifyError(401, "TooManyRequests", blocked);
    }

    /**
     * Enumeration through the block: an attacker fails three times for a name, then tells a blocked
     * account from an unknown name by the answer or by its time. Both must be alike.
     */
    @Test
    @Order(5)
    void aBlockedUnknownNameAnswersLikeABlockedAccountInTheSameTime() {
        String address = Gatehouse.uniqueAddress();  // the attack's own: at most 100 per address in 5 minutes
        String unknown = uniqueEmail("nobody");
        for (int i = 0; i < 3; i++) {
            assertEmnifyError(401, "Unauthorized", withPassword(address, email, "wrong-" + i));
            assertEmnifyError(401, "Unauthorized", withPassword(address, unknown, "wrong-" + i));
        }

        int tries = 9;
        long[] knownMillis = new long[tries];
        long[] unknownMillis = new long[tries];
        for (int i = 0; i < tries; i++) {  // interleaved, so that the machine's load falls on both alike
            long start = System.nanoTime();
            Reply known = withPassword(address, email, PASSWORD);  // even the right password is blocked
            knownMillis[i] = (System.nanoTime() - start) / 1_000_000;
            start = System.nanoTime();
            Reply stranger = withPassword(address, unknown, PASSWORD);
            unknownMillis[i] = (System.nanoTime() - start) / 1_000_000;

            assertEmnifyError(401, "TooManyRequests", known);
            assertEquals(known.status(), stranger.status(), stranger::toString);
            assertEquals(known.body(), stranger.body());
        }

        // Every refusal waits for the refusal floor (at least 50 ms): a blocked account answered at
        // once would be far below it, and an unknown name that still hashed would be far from it.
        long known = median(knownMillis);
        long stranger = median(unknownMillis);
        assertTrue(known >= 50 && stranger >= 50, "medians " + known + " and " + stranger + " ms");
        assertTrue(Math.abs(known - stranger) < Math.min(known, stranger) / 2,
                "medians " + known + " ms (account) and " + stranger + " ms (unknown name) differ too much");
    }

    @Test
    @Order(5)
    void aSuccessEndsTheRunOfFailures() {
        String address = Gatehouse.uniqueAddress();
        for (int round = 0; round < 2; round++) {
            assertEmnifyError(401, "Unauthorized", withPassword(address, email, "wrong-a"));
            assertEmnifyError(401, "Unauthorized", withPassword(address, email, "wrong-b"));
            Reply success = withPassword(address, email, PASSWORD);
            assertEquals(200, success.status(), "two failures and a success, round " + round + ": " + success);
        }
    }

    private Reply withPassword(String address, String username, String password) {
        return http.post("/api/v1/authenticate").header("X-Forwarded-For", address)
                .json(jakarta.json.Json.createObjectBuilder().add("username", username).add("password", password)
                        .build().toString())
                .send();
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    @Test
    @Order(6)
    void applicationTokensAreShownOnceListedWithEmnifysFieldsAndExchanged() {
        String token = withPassword(PASSWORD).object().getString("auth_token");
        String expiry = LocalDate.now().plusYears(1).toString();

        Reply created = http.post("/api/v1/application_token").header("Authorization", bearer(token))
                .json("{\"description\":\"Token with expiry date\",\"expiry_date\":\"" + expiry + "\",\"ip\":\"127.0.0.0/8\"}").send();

        assertEquals(200, created.status(), created::toString);
        String applicationToken = created.object().getString("application_token");
        Reply listed = http.get("/api/v1/application_token").header("Authorization", bearer(token)).send();
        JsonArray list = listed.json().asJsonArray();
        JsonObject entry = list.getJsonObject(list.size() - 1);
        assertEquals("Token with expiry date", entry.getString("description"));
        assertEquals(0, entry.getJsonObject("status").getInt("id"));
        assertEquals("Activated", entry.getJsonObject("status").getString("description"));
        assertEquals("127.0.0.0/8", entry.getString("ip"));
        assertTrue(entry.getString("expiry_date").startsWith(LocalDate.parse(expiry).plusDays(1).toString()));
        assertEquals(email, entry.getJsonObject("creator").getString("username"));
        assertTrue(entry.containsKey("created") && entry.containsKey("id"));
        assertFalse(listed.body().contains(applicationToken), "never shown again");

        Reply exchanged = authenticate("{\"application_token\":\"" + applicationToken + "\"}");
        assertEquals(200, exchanged.status(), exchanged::toString);
        assertFalse(exchanged.object().containsKey("refresh_token"));
        String derived = exchanged.object().getString("auth_token");
        assertEquals(200, http.get("/api/1/users/me").header("Authorization", bearer(derived)).send().status());
        assertEmnifyError(403, "Forbidden", http.get("/api/v1/application_token").header("Authorization", bearer(derived)).send());
    }

    @Test
    @Order(7)
    void aPastOrMalformedExpiryOrABadRangeIs422AndCreatesNothing() {
        String token = withPassword(PASSWORD).object().getString("auth_token");
        int before = http.get("/api/v1/application_token").header("Authorization", bearer(token)).send().json().asJsonArray().size();

        for (String body : List.of("{\"expiry_date\":\"2021-10-29\"}", "{\"expiry_date\":\"29.10.2031\"}",
                "{\"expiry_date\":\"" + Instant.now().minusSeconds(60) + "\"}", "{\"ip\":\"10.0.0.0/33\"}",
                "{\"ip\":\"example.com\"}")) {
            Reply refused = http.post("/api/v1/application_token").header("Authorization", bearer(token)).json(body).send();
            assertEmnifyError(422, "UnprocessableEntity", refused);
            assertEquals(1, refused.object().getJsonArray("errors").size(), refused::toString);
        }
        assertEquals(before, http.get("/api/v1/application_token").header("Authorization", bearer(token)).send().json().asJsonArray().size());
    }

    @Test
    @Order(8)
    void anApplicationTokenIsRefusedFromOutsideItsRangeAndOnceRevoked() {
        String token = withPassword(PASSWORD).object().getString("auth_token");
        String elsewhere = http.post("/api/v1/application_token").header("Authorization", bearer(token))
                .json("{\"ip\":\"203.0.113.0/24\"}").send().object().getString("application_token");
        String here = http.post("/api/v1/application_token").header("Authorization", bearer(token))
                .json("{\"description\":\"to revoke\"}").send().object().getString("application_token");
        JsonArray list = http.get("/api/v1/application_token").header("Authorization", bearer(token)).send().json().asJsonArray();
        long id = list.getJsonObject(list.size() - 1).getJsonNumber("id").longValue();

        assertEmnifyError(401, "Unauthorized", authenticate("{\"application_token\":\"" + elsewhere + "\"}"));
        assertEquals(200, authenticate("{\"application_token\":\"" + here + "\"}").status());
        Reply revoke = http.patch("/api/v1/application_token/" + id).header("Authorization", bearer(token))
                .json("{\"status\":{\"id\":1}}").send();
        assertEquals(204, revoke.status(), revoke::toString);
        assertEmnifyError(401, "Unauthorized", authenticate("{\"application_token\":\"" + here + "\"}"));
        JsonArray after = http.get("/api/v1/application_token").header("Authorization", bearer(token)).send().json().asJsonArray();
        assertEquals(1, after.getJsonObject(after.size() - 1).getJsonObject("status").getInt("id"));
    }

    @Test
    @Order(9)
    void applicationTokensCannotBeManagedWithAnApiKey() {
        String apiKey = http.get("/api/1/users/me/apikey").basicAuth(email, PASSWORD).send().data().getString("apikey");

        Reply refused = http.post("/api/v1/application_token?apikey=" + apiKey).json("{}").send();

        assertEmnifyError(403, "Forbidden", refused);
        assertEmnifyError(403, "Forbidden", http.get("/api/v1/application_token").basicAuth("apikey", apiKey).send());
    }

    @Test
    @Order(10)
    void aPasswordChangeLogoutOrLockEndsRefreshTokensAndALockEndsAuthTokens() {
        String refresh1 = withPassword(PASSWORD).object().getString("refresh_token");
        gatehouse.patchUser(userId, "{\"password\":\"second-password-2\"}");
        assertEmnifyError(401, "Unauthorized", authenticate("{\"refresh_token\":\"" + refresh1 + "\"}"));

        Reply second = authenticate("{\"username\":\"" + email + "\",\"password\":\"second-password-2\"}");
        String refresh2 = second.object().getString("refresh_token");
        String session = gatehouse.sessionKey(email, "second-password-2");
        assertEquals(200, http.delete("/api/1/auth/session?sesskey=" + session).send().status());
        assertEmnifyError(401, "Unauthorized", authenticate("{\"refresh_token\":\"" + refresh2 + "\"}"));

        Reply third = authenticate("{\"username\":\"" + email + "\",\"password\":\"second-password-2\"}");
        String auth = third.object().getString("auth_token");
        String refresh3 = third.object().getString("refresh_token");
        gatehouse.patchUser(userId, "{\"status\":\"locked\"}");
        assertEquals(401, http.get("/api/1/users/me").header("Authorization", bearer(auth)).send().status());
        assertEmnifyError(401, "Unauthorized", authenticate("{\"refresh_token\":\"" + refresh3 + "\"}"));
    }

    @Test
    @Order(100)
    void anAddressGetsAtMostOneHundredAuthenticationsInFiveMinutes() {
        // An address of this test's own (the suite's server trusts its proxy, 127.0.0.1, to name it):
        // the count lives in the database, and the rest of the suite's requests must not share it.
        String address = Gatehouse.uniqueAddress();
        String refresh = "{\"refresh_token\":\"not-a-token\"}";
        for (int i = 0; i < 100; i++) {
            Reply answered = http.post("/api/v1/authenticate").header("X-Forwarded-For", address).json(refresh).send();
            assertEmnifyError(401, "Unauthorized", answered);
        }
        assertEmnifyError(429, "TooManyRequests", http.post("/api/v1/authenticate").header("X-Forwarded-For", address)
                .json("{\"username\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}").send());
        // Another address in the same /64 is the same client: an attacker owns the whole /64.
        assertEmnifyError(429, "TooManyRequests", http.post("/api/v1/authenticate")
                .header("X-Forwarded-For", Gatehouse.sameNetwork(address)).json(refresh).send());
        // An entry the client wrote itself, left of the one its proxy added, changes nothing.
        assertEmnifyError(429, "TooManyRequests", http.post("/api/v1/authenticate")
                .header("X-Forwarded-For", "198.51.100.7, " + address).json(refresh).send());
        assertEmnifyError(401, "Unauthorized", http.post("/api/v1/authenticate")
                .header("X-Forwarded-For", "198.51.100.7").json(refresh).send());
    }
}
