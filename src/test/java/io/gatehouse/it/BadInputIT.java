package io.gatehouse.it;

import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /**
     * The server parses a form into parameters by itself (up to 2 MB) when anything asks for one,
     * the authentication mechanism first of all. A form over 64 KiB, with its length declared or
     * sent chunked, is refused with 413 before it is parsed, on every path that takes forms, and
     * changes nothing; one of 60 KiB is still read.
     */
    @Test
    void aFormOver64KiBIs413OnEveryPathThatTakesFormsAndChangesNothing() {
        String email = uniqueEmail("bigform");
        String password = "big-form-password-1";
        gatehouse.createUser(email, password, "Big Form");
        String apiKey = http.get("/api/1/users/me/apikey").basicAuth(email, password).send().data().getString("apikey");
        String sesskey = gatehouse.sessionKey(email, password);
        String lastLogin = lastLogin(email);
        jakarta.json.JsonObject client = gatehouse.asAdmin(http.post("/api/admin/clients"))
                .json("{\"name\":\"big forms\",\"grant_types\":[\"client_credentials\"]}").send().data();
        Map<String, String> clientFields = Map.of("client_id", client.getString("client_id"),
                "client_secret", client.getString("client_secret"));
        String accessToken = http.post("/oauth/v2/token").form(with(clientFields, "grant_type", "client_credentials"))
                .send().object().getString("access_token");

        Map<String, Map<String, String>> forms = new LinkedHashMap<>();
        forms.put("/api/1/auth/session", Map.of("email", email, "password", password));
        forms.put("/api/1/users/me/apikey", Map.of("sesskey", sesskey));
        forms.put("/api/1/users/me/password", Map.of("current_password", password, "new_password", "changed-by-big-form-1"));
        forms.put("/oauth/v2/token", with(clientFields, "grant_type", "client_credentials"));
        forms.put("/oauth/v2/revoke", with(clientFields, "token", accessToken));
        forms.put("/oauth/v2/introspect", with(clientFields, "token", accessToken));
        for (var form : forms.entrySet()) {
            String body = Http.form(form.getValue()) + "&padding=" + "x".repeat(65 * 1024);
            Reply declared = http.post(form.getKey()).cookie("sesskey=" + sesskey).body(FORM, body).send();
            Reply chunked = http.post(form.getKey()).cookie("sesskey=" + sesskey).body(FORM, chunked(body)).send();

            for (Reply reply : List.of(declared, chunked)) {
                assertEquals(413, reply.status(), form.getKey() + ": " + reply);
                assertTrue(reply.body().contains("64 KiB") && !reply.body().contains("Exception"), reply::toString);
            }
        }
        assertEquals(lastLogin, lastLogin(email), "no login happened");
        assertEquals(apiKey, http.get("/api/1/users/me/apikey").cookie("sesskey=" + sesskey).send().data().getString("apikey"));
        assertEquals(200, gatehouse.login(email, password).status(), "the password did not change");
        jakarta.json.JsonObject introspected = http.post("/oauth/v2/introspect")
                .form(with(clientFields, "token", accessToken)).send().object();
        assertTrue(introspected.getBoolean("active"), "the token was not revoked: " + introspected);

        String sixtyKiB = Http.form(Map.of("email", email, "password", password)) + "&padding=" + "x".repeat(60 * 1024);
        assertEquals(200, http.post("/api/1/auth/session").body(FORM, sixtyKiB).send().status());
        assertEquals(200, http.post("/api/1/auth/session").body(FORM, chunked(sixtyKiB)).send().status());
    }

    private static final String FORM = "application/x-www-form-urlencoded";

    /** Sent with Transfer-Encoding: chunked, since its length is not known in advance. */
    private static HttpRequest.BodyPublisher chunked(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        List<byte[]> parts = new ArrayList<>();
        for (int from = 0; from < bytes.length; from += 8192) {
            parts.add(Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + 8192)));
        }
        return HttpRequest.BodyPublishers.ofByteArrays(parts);
    }

    private static Map<String, String> with(Map<String, String> fields, String name, String value) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put(name, value);
        return all;
    }

    private String lastLogin(String email) {
        Reply found = gatehouse.asAdmin(http.get("/api/admin/users?email=" + Http.q(email))).send();
        return found.object().getJsonArray("data").getJsonObject(0).get("lastLogin").toString();
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
