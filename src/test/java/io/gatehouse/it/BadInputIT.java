package io.gatehouse.it;

import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static io.gatehouse.it.Gatehouse.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Malformed input gets a clear 4xx in the envelope: never a 500, never a stack trace, never a hash. */
class BadInputIT extends AgainstServer {

    private static void assertClientError(int expected, Reply reply) {
        assertEquals(expected, reply.status(), reply::toString);
        String error = reply.error();
        assertFalse(error.isBlank());
        assertFalse(reply.body().contains("Exception") || reply.body().contains("\tat "), reply::toString);
    }

    @Test
    void malformedJsonIs400() {
        assertClientError(400, http.post("/api/1/auth/session").json("{\"email\": ").send());
        assertClientError(400, http.post("/api/1/auth/session").json("[1,2]").send());
        assertClientError(400, http.post("/api/1/auth/session").json("").send());
        assertClientError(400, http.post("/api/1/auth/session").json("{\"email\": 5, \"password\": true}").send());
        assertClientError(400, gatehouse.asAdmin(http.post("/api/admin/users")).json("{oops").send());
    }

    @Test
    void missingFieldsAre400() {
        Reply reply = http.post("/api/1/auth/session").json("{\"email\":\"a@example.com\"}").send();

        assertClientError(400, reply);
        assertEquals("email and password are required", reply.error());
    }

    @Test
    void aWrongContentTypeIs415() {
        assertClientError(415, http.post("/api/1/auth/session").body("text/plain", "email=a&password=b").send());
    }

    @Test
    void badBase64AndABasicHeaderWithoutAColonAre400() {
        String noColon = Base64.getEncoder().encodeToString("no-colon-here".getBytes(StandardCharsets.UTF_8));
        String notUtf8 = Base64.getEncoder().encodeToString(new byte[]{(byte) 0xff, (byte) 0xfe, ':', 'x'});

        assertClientError(400, http.get("/api/1/users/me").header("Authorization", "Basic %%%not-base64").send());
        assertClientError(400, http.get("/api/1/users/me").header("Authorization", "Basic " + noColon).send());
        assertClientError(400, http.get("/api/1/users/me").header("Authorization", "Basic " + notUtf8).send());
    }

    @Test
    void anOversizedBodyIs413BeforeAnyParsing() {
        String huge = "{\"email\":\"a@example.com\",\"password\":\"" + "x".repeat(2_000_000) + "\"}";

        assertClientError(413, http.post("/api/1/auth/session").json(huge).send());
    }

    @Test
    void anOversizedChunkedBodyIsAClientErrorToo() {
        byte[] chunk = "x".repeat(16 * 1024).getBytes(StandardCharsets.UTF_8);
        HttpRequest.BodyPublisher chunked = HttpRequest.BodyPublishers.ofByteArrays(
                java.util.Collections.nCopies(64, chunk));  // 1 MiB with no Content-Length

        Reply reply = http.post("/api/1/auth/session").body("application/x-www-form-urlencoded", chunked).send();

        assertTrue(reply.status() >= 400 && reply.status() < 500, reply::toString);
    }

    @Test
    void aOneMegabytePasswordIsRefusedFastWithoutHashing() {
        String email = uniqueEmail("longpw");
        gatehouse.createUser(email, "short-password-1", "Long");
        String megabyte = "p".repeat(1_000_000);

        long start = System.nanoTime();
        Reply basic = http.get("/api/1/users/me").basicAuth(email, megabyte).send();
        Reply form = http.post("/api/1/auth/session").form(Gatehouse.credentials(email, "p".repeat(40_000))).send();
        long millis = (System.nanoTime() - start) / 1_000_000;

        // The server refuses a 1 MB header outright; a long password in a body is refused before hashing.
        assertTrue(basic.status() >= 400 && basic.status() < 500, basic::toString);
        assertClientError(400, form);
        assertTrue(millis < 2000, "took " + millis + " ms");
    }

    @Test
    void unknownPathsAndMethodsAnswerInTheEnvelope() {
        assertClientError(404, http.get("/api/1/nothing-here").send());
        assertClientError(405, http.put("/api/1/users/me").basicAuth(Gatehouse.ADMIN_EMAIL, Gatehouse.ADMIN_PASSWORD).send());
        // Outside JAX-RS: static files and the operations servlets, never the server's HTML page.
        assertClientError(404, http.get("/no-such-page.html").send());
        assertClientError(405, http.post("/metrics").form(java.util.Map.of("a", "b")).send());
        assertClientError(405, http.delete("/health/live").send());
    }

    @Test
    void invalidAdminInputIsRefusedAndWritesNothing() {
        String email = uniqueEmail("invalid");
        for (String body : List.of(
                "{\"email\":\"not-an-email\",\"password\":\"long-enough-1\"}",
                "{\"email\":\"" + email + "\",\"password\":\"short\"}",
                "{\"email\":\"" + email + "\",\"password\":\"long-enough-1\",\"role\":\"root\"}",
                "{\"email\":\"" + email + "\",\"password\":\"long-enough-1\",\"phone\":\"12345\"}",
                "{\"email\":\"" + email + "\",\"password\":\"long-enough-1\",\"partnerid\":99999}",
                "{\"email\":\"" + email + "\",\"password\":\"long-enough-1\",\"surprise\":1}")) {
            assertClientError(400, gatehouse.asAdmin(http.post("/api/admin/users")).json(body).send());
        }
        Reply found = gatehouse.asAdmin(http.get("/api/admin/users?email=" + Http.q(email))).send();
        assertEquals(0, found.object().getJsonArray("data").size(), "no partial user was written");
    }

    @Test
    void invalidSettingsAreRefusedNamingTheKeyAndChangeNothing() {
        Reply before = gatehouse.asAdmin(http.get("/api/admin/settings")).send();

        Reply unknown = gatehouse.setSettings("{\"session.idleMinutes\": 5, \"no.such\": 1}");
        Reply outOfRange = gatehouse.setSettings("{\"session.idleMinutes\": 5, \"otp.ttlMinutes\": 31}");
        Reply wrongType = gatehouse.setSettings("{\"otp.enabled\": \"yes\"}");

        assertClientError(400, unknown);
        assertTrue(unknown.error().contains("no.such"));
        assertClientError(400, outOfRange);
        assertTrue(outOfRange.error().contains("otp.ttlMinutes"));
        assertClientError(400, wrongType);
        assertTrue(wrongType.error().contains("otp.enabled"));
        assertEquals(before.data(), gatehouse.asAdmin(http.get("/api/admin/settings")).send().data());
    }
}
