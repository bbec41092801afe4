package io.gatehouse.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.gatehouse.it.Gatehouse.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Health, metrics and the API document as an operator sees them: liveness and readiness, counters
 * that move with real logins, tokens, lockouts and one-time passwords and never show a secret,
 * latency labelled by path template, the OpenAPI document, Payara's own endpoints switched off,
 * and {@code operations.requireAdmin}.
 */
class OperationsIT extends AgainstServer {

    private static final String PASSWORD = "operations-Passw0rd-secret";

    private Scrape scrape() {
        Reply reply = http.get("/metrics").send();
        assertEquals(200, reply.status(), reply::toString);
        return Scrape.of(reply.body());
    }

    /** Metrics that move off the request thread (one-time passwords) are polled for. */
    private Scrape awaitScrape(java.util.function.Predicate<Scrape> until, String what) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        do {
            Scrape scrape = scrape();
            if (until.test(scrape)) {
                return scrape;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } while (System.nanoTime() < deadline);
        return fail("within 20 s: " + what);
    }

    private static JsonObject check(JsonObject report, String name) {
        return report.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("name").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + name + " in " + report));
    }

    private JsonObject client(String grants) {
        Reply created = gatehouse.asAdmin(http.post("/api/admin/clients"))
                .json("{\"name\":\"operations\",\"grant_types\":[" + grants + "]}").send();
        assertEquals(201, created.status(), created::toString);
        return created.data();
    }

    private String clientToken(JsonObject client) {
        Reply token = http.post("/oauth/v2/token").form(Map.of("grant_type", "client_credentials",
                "client_id", client.getString("client_id"), "client_secret", client.getString("client_secret"))).send();
        assertEquals(200, token.status(), token::toString);
        return token.object().getString("access_token");
    }

    private void setSettings(String json) {
        Reply reply = gatehouse.setSettings(json);
        assertEquals(200, reply.status(), reply::toString);
    }

    // --- health ---

    @Test
    void livenessAnswersUpWithNoChecks() {
        Reply live = http.get("/health/live").send();
        assertEquals(200, live.status(), live::toString);
        assertTrue(live.header("Content-Type").orElse("").startsWith("application/json"), live::toString);
        assertEquals("UP", live.object().getString("status"));
        assertEquals(0, live.object().getJsonArray("checks").size());
    }

    @Test
    void readinessChecksTheDatabaseAndTheSigningKeys() {
        for (String path : List.of("/health/ready", "/health")) {
            Reply ready = http.get(path).send();
            assertEquals(200, ready.status(), path + ": " + ready);
            assertEquals("UP", ready.object().getString("status"), ready::toString);
            assertEquals("UP", check(ready.object(), "database").getString("status"));
            assertEquals("UP", check(ready.object(), "signing-keys").getString("status"));
        }
    }

    // --- metrics ---

    @Test
    void metricsAreInPrometheusTextFormatOrOpenMetricsWhenAskedFor() {
        Reply text = http.get("/metrics").send();
        assertEquals(200, text.status(), text::toString);
        // Servers differ in the spaces between parameters (Undertow drops them): compare without.
        assertEquals("text/plain;version=0.0.4;charset=utf-8", text.header("Content-Type").orElse("").replace(" ", ""));
        assertTrue(text.body().contains("# TYPE gatehouse_tokens_issued_total counter"), text::toString);
        assertTrue(text.body().contains("jvm_memory_used_bytes"), "the JVM's own meters are there too");

        Reply open = http.get("/metrics")
                .header("Accept", "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5,*/*;q=0.1").send();
        assertEquals(200, open.status(), open::toString);
        assertTrue(open.header("Content-Type").orElse("").startsWith("application/openmetrics-text"), open::toString);
        assertTrue(open.body().endsWith("# EOF\n"), "OpenMetrics ends with # EOF");
    }

    @Test
    void loginsTokensAndRequestsMoveTheirCountersAndNoSecretShows() {
        String email = uniqueEmail("metrics");
        gatehouse.createUser(email, PASSWORD, "Metrics User");
        JsonObject client = client("\"client_credentials\"");
        Scrape before = scrape();

        assertEquals(401, gatehouse.login(email, "not-" + PASSWORD).status());
        String sessionKey = gatehouse.sessionKey(email, PASSWORD);
        assertEquals(200, http.get("/api/1/users/me").cookie("sesskey=" + sessionKey).send().status());
        String accessToken = clientToken(client);
        Reply emnify = http.post("/api/v1/authenticate")
                .json("{\"username\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}").send();
        assertEquals(200, emnify.status(), emnify::toString);

        Scrape after = scrape();
        String[][] moved = {
                {"gatehouse_authentications_total", "scheme", "session_login", "result", "failure"},
                {"gatehouse_authentications_total", "scheme", "session_login", "result", "success"},
                {"gatehouse_authentications_total", "scheme", "oauth_client_credentials", "result", "success"},
                {"gatehouse_tokens_issued_total", "dialect", "oauth", "grant", "client_credentials"},
                {"gatehouse_tokens_issued_total", "dialect", "emnify", "grant", "password"},
                {"gatehouse_authenticated_requests_total", "scheme", "session"},
                {"http_server_requests_seconds_count", "method", "POST", "uri", "/api/1/auth/session", "status", "401"},
                {"http_server_requests_seconds_count", "method", "POST", "uri", "/oauth/v2/token", "status", "200"}};
        for (String[] series : moved) {
            String name = series[0];
            String[] labels = java.util.Arrays.copyOfRange(series, 1, series.length);
            assertTrue(after.value(name, labels) >= before.value(name, labels) + 1,
                    String.join(" ", series) + ": " + before.value(name, labels) + " -> " + after.value(name, labels));
        }
        for (String secret : List.of(PASSWORD, sessionKey, accessToken, client.getString("client_secret"),
                emnify.object().getString("auth_token"), emnify.object().getString("refresh_token"),
                Gatehouse.ADMIN_PASSWORD, email)) {
            assertFalse(after.text().contains(secret), "/metrics shows " + secret);
        }
    }

    @Test
    void requestsAreLabelledByTheirTemplateNeverByTheirPath() {
        long userId = gatehouse.createUser(uniqueEmail("template"), PASSWORD, "Template User");
        assertEquals(200, gatehouse.asAdmin(http.get("/api/admin/users/" + userId)).send().status());
        String junk = "/no-such-" + UUID.randomUUID();
        assertEquals(404, http.get(junk).send().status());

        Scrape scrape = scrape();
        assertTrue(scrape.value("http_server_requests_seconds_count",
                "method", "GET", "uri", "/api/admin/users/{id}", "status", "200") >= 1, scrape::text);
        assertTrue(scrape.value("http_server_requests_seconds_count",
                "method", "GET", "uri", "NOT_FOUND", "status", "404") >= 1, scrape::text);
        assertTrue(scrape.has("http_server_requests_seconds_bucket",
                "method", "GET", "uri", "/api/admin/users/{id}", "status", "200", "le", "0.1"), "a latency histogram");
        assertFalse(scrape.text().contains("/api/admin/users/" + userId + "\""), "a user id became a label");
        assertFalse(scrape.text().contains(junk), "a raw path became a label");
    }

    @Test
    void lockoutsAndOneTimePasswordSendsAreCounted() {
        String email = uniqueEmail("lockout");
        gatehouse.createUser(email, PASSWORD, "Lockout User");
        Scrape before = scrape();
        setSettings("{\"lockout.maxFailures\": 2}");
        try {
            assertEquals(401, gatehouse.login(email, "wrong-1").status());
            assertEquals(401, gatehouse.login(email, "wrong-2").status());
        } finally {
            setSettings("{\"lockout.maxFailures\": 10}");
        }
        assertTrue(scrape().value("gatehouse_lockouts_total", "kind", "account")
                >= before.value("gatehouse_lockouts_total", "kind", "account") + 1, "an account lockout");

        String token = clientToken(client("\"client_credentials\""));
        String otpUser = uniqueEmail("otp-metrics");
        gatehouse.createUser(otpUser, PASSWORD, "OTP User");
        double sent = before.value("gatehouse_otp_sends_total", "channel", "email", "result", "sent");
        setSettings("{\"otp.enabled\": true}");
        try (OtpInbox inbox = new OtpInbox()) {
            Reply send = http.post("/otp/send").header("Authorization", "Bearer " + token)
                    .json(Json.createObjectBuilder().add("email", otpUser).build().toString()).send();
            assertEquals(200, send.status(), send::toString);
            String code = inbox.mailedCode(otpUser, 1);
            Scrape after = awaitScrape(s -> s.value("gatehouse_otp_sends_total", "channel", "email", "result", "sent") >= sent + 1,
                    "a one-time password counted as sent");
            // As a value of its own: six digits also turn up inside long numbers (a histogram sum) by chance.
            assertFalse(java.util.regex.Pattern.compile("(?<![0-9.])" + code + "(?![0-9])").matcher(after.text()).find(),
                    "/metrics shows the code");
        } finally {
            setSettings("{\"otp.enabled\": false}");
        }
    }

    // --- the API document ---

    @Test
    void theOpenApiDocumentIsServedAsBuilt() throws Exception {
        Reply reply = http.get("/openapi").send();
        assertEquals(200, reply.status(), reply::toString);
        assertTrue(reply.header("Content-Type").orElse("").startsWith("application/json"), reply::toString);
        JsonObject document = reply.object();
        assertTrue(document.getString("openapi").startsWith("3.1."), document.getString("openapi"));
        assertTrue(document.getJsonObject("paths").getJsonObject("/oauth/v2/token").containsKey("post"));
        assertTrue(document.getJsonObject("paths").getJsonObject("/health/ready").containsKey("get"));
        try (InputStream packaged = OperationsIT.class.getResourceAsStream("/openapi/gatehouse.json")) {
            JsonObject built = Json.createReader(new StringReader(new String(packaged.readAllBytes(), StandardCharsets.UTF_8)))
                    .readObject();
            assertEquals(built, document);
        }
    }

    /** The pre-boot file switched Payara Micro's own endpoints off: nothing answers below ours. */
    @Test
    void payaraMicroServesNoHealthMetricsOrOpenApiOfItsOwn() {
        for (String path : List.of("/metrics/base", "/metrics/application", "/health/started", "/openapi/")) {
            Reply reply = http.get(path).send();
            assertEquals(404, reply.status(), path + ": " + reply);
        }
    }

    // --- operations.requireAdmin ---

    @Test
    void requireAdminPutsMetricsAndReadinessBehindTheAdminRole() {
        String email = uniqueEmail("plain");
        gatehouse.createUser(email, PASSWORD, "Plain User");
        String adminKey = gatehouse.asAdmin(http.get("/api/1/users/me/apikey")).send().data().getString("apikey");
        setSettings("{\"operations.requireAdmin\": true}");
        try {
            for (String path : List.of("/metrics", "/health/ready", "/health")) {
                Reply anonymous = http.get(path).send();
                assertEquals(401, anonymous.status(), path + ": " + anonymous);
                assertEquals("Authentication required", anonymous.error());
                assertEquals("Bearer realm=\"gatehouse\"", anonymous.header("WWW-Authenticate").orElse(""));
                Reply user = http.get(path).basicAuth(email, PASSWORD).send();
                assertEquals(403, user.status(), path + ": " + user);
                assertFalse(user.object().getBoolean("success"));
                assertEquals(400, http.get(path).header("Authorization", "Basic !!!").send().status(), path);
                assertEquals(200, gatehouse.asAdmin(http.get(path)).send().status(), path);
                assertEquals(200, http.get(path + "?apikey=" + adminKey).send().status(), path + " with an admin's API key");
            }
            assertEquals(200, http.get("/health/live").send().status(), "liveness stays open");
            assertEquals(200, http.get("/openapi").send().status(), "the API document stays open");
        } finally {
            setSettings("{\"operations.requireAdmin\": false}");
        }
        assertEquals(200, http.get("/metrics").send().status());
        assertEquals(200, http.get("/health/ready").send().status());
    }

    @Test
    void badInputGetsAClearAnswerNeverA500() {
        assertEquals(200, http.get("/metrics").header("Accept", "*/*;q=zz, garbage/;;").send().status());
        assertEquals(200, http.get("/health/ready?x=%00%ff&y").send().status());
        assertEquals(405, http.post("/metrics").json("{}").send().status());
        assertEquals(405, http.delete("/health/live").send().status());
        assertEquals(405, http.put("/openapi").json("{}").send().status());
    }
}
