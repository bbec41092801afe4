package io.gatehouse.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.gatehouse.it.Gatehouse.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cross-site request forgery: another site's page makes the victim's browser send a request, and
 * the browser adds the {@code sesskey} cookie, or the Basic credentials it cached, by itself.
 * Browsers name that page in {@code Origin} and say where the request comes from in
 * {@code Sec-Fetch-Site}; a change with the cookie or Basic is accepted only from Gatehouse's own origin.
 */
class CsrfIT extends AgainstServer {

    private static final String PASSWORD = "csrf-victim-password";
    private static final String EVIL = "https://evil.example";
    private static final String REFUSAL = "Cross-origin request refused";

    String email;
    String key;
    String cookie;

    @BeforeEach
    void signedInVictim() {
        email = uniqueEmail("csrf");
        gatehouse.createUser(email, PASSWORD, "Victim");
        key = gatehouse.sessionKey(email, PASSWORD);
        cookie = "sesskey=" + key;
    }

    private String ownOrigin() {
        return http.url("");
    }

    private String apiKey() {
        return http.get("/api/1/users/me/apikey").basicAuth(email, PASSWORD).send().data().getString("apikey");
    }

    /** The organisation's tokens with this description (every test user is in the same organisation). */
    private List<JsonObject> applicationTokens(String description) {
        JsonArray all = (JsonArray) http.get("/api/v1/application_token").basicAuth(email, PASSWORD).send().json();
        return all.stream().map(JsonValue::asJsonObject)
                .filter(t -> description.equals(t.getString("description", null))).toList();
    }

    @Test
    void aCrossOriginApiKeyRegenerationWithTheCookieIsRefusedAndTheKeyStays() {
        String before = apiKey();

        // What <form method=post action=.../apikey> on evil.example makes the browser send (SameSite=Lax
        // keeps the cookie off cross-site POSTs in today's browsers; older ones and same-site pages send it).
        Reply forged = http.post("/api/1/users/me/apikey").cookie(cookie).header("Origin", EVIL)
                .form(Map.of()).send();

        assertEquals(403, forged.status(), forged::toString);
        assertTrue(forged.error().startsWith(REFUSAL), forged::toString);
        assertEquals(before, apiKey(), "the key did not change");
        assertEquals(200, http.get("/api/1/users/me").cookie(cookie).send().status(), "the session itself is fine");
    }

    @Test
    void aLoginFromAnotherSitesPageSetsNoCookieSoItCannotSignTheBrowserInToAnotherAccount() {
        Map<String, String> credentials = Map.of("email", email, "password", PASSWORD);

        Reply forged = http.post("/api/1/auth/session").header("Origin", EVIL).form(credentials).send();
        Reply sibling = http.post("/api/1/auth/session").header("Sec-Fetch-Site", "same-site").form(credentials).send();
        Reply own = http.post("/api/1/auth/session").header("Origin", ownOrigin()).form(credentials).send();

        assertEquals(200, forged.status(), forged::toString);
        assertTrue(forged.headers("Set-Cookie").stream().noneMatch(c -> c.startsWith("sesskey=")), forged::toString);
        assertTrue(sibling.headers("Set-Cookie").stream().noneMatch(c -> c.startsWith("sesskey=")), sibling::toString);
        assertEquals(200, http.get("/api/1/users/me?sesskey=" + forged.data().getString("sesskey")).send().status(),
                "an API client still gets its key in the body");
        assertTrue(own.headers("Set-Cookie").stream().anyMatch(c -> c.startsWith("sesskey=")), own::toString);
    }

    @Test
    void theSameRegenerationFromTheOwnOriginWorks() {
        String before = apiKey();

        Reply own = http.post("/api/1/users/me/apikey").cookie(cookie).header("Origin", ownOrigin()).send();

        assertEquals(200, own.status(), own::toString);
        assertNotEquals(before, own.data().getString("apikey"));
        assertEquals(own.data().getString("apikey"), apiKey());
    }

    /** Behind a TLS-terminating proxy the request's own scheme differs: the public base URL counts as own. */
    @Test
    void theOriginOfTheConfiguredPublicUrlIsOwnToo() {
        // The tests' server has no GATEHOUSE_ISSUER: its public URL is the default, http://localhost:8080.
        Reply proxied = http.post("/api/1/users/me/apikey").cookie(cookie).header("Origin", "http://localhost:8080").send();

        assertEquals(200, proxied.status(), proxied::toString);
    }

    @Test
    void aCrossOriginApplicationTokenIsRefusedInEmnifysFormatAndNoneIsMade() {
        String description = "planted by evil.example for " + email;
        Reply forged = http.post("/api/v1/application_token").cookie(cookie).header("Origin", EVIL)
                .json("{\"description\":\"" + description + "\"}").send();

        assertEquals(403, forged.status(), forged::toString);
        assertEquals(403, forged.object().getInt("error_code"));
        assertTrue(forged.object().getString("message").startsWith(REFUSAL), forged::toString);
        assertEquals(List.of(), applicationTokens(description), "no token was made");

        Reply own = http.post("/api/v1/application_token").cookie(cookie).header("Origin", ownOrigin())
                .json("{\"description\":\"" + description + "\"}").send();
        assertEquals(200, own.status(), own::toString);
        assertEquals(1, applicationTokens(description).size());
    }

    @Test
    void aCrossOriginRevocationAndLogoutAreRefused() {
        String description = "to be revoked, for " + email;
        assertEquals(200, http.post("/api/v1/application_token").basicAuth(email, PASSWORD)
                .json("{\"description\":\"" + description + "\"}").send().status());
        long id = applicationTokens(description).get(0).getJsonNumber("id").longValue();

        Reply revoke = http.patch("/api/v1/application_token/" + id).cookie(cookie).header("Origin", EVIL)
                .json("{\"status\":{\"id\":1}}").send();
        Reply logout = http.delete("/api/1/auth/session").cookie(cookie).header("Origin", EVIL).send();

        assertEquals(403, revoke.status(), revoke::toString);
        assertEquals(0, applicationTokens(description).get(0).getJsonObject("status").getInt("id"), "still active");
        assertEquals(403, logout.status(), logout::toString);
        assertEquals(200, http.get("/api/1/users/me").cookie(cookie).send().status(), "still signed in");
    }

    @Test
    void aRefererDecidesWhenOriginIsMissingAndAnOpaqueOriginIsForeign() {
        String before = apiKey();

        Reply foreignReferer = http.post("/api/1/users/me/apikey").cookie(cookie)
                .header("Referer", EVIL + "/trap.html").send();
        Reply opaque = http.post("/api/1/users/me/apikey").cookie(cookie).header("Origin", "null").send();
        Reply otherPort = http.post("/api/1/users/me/apikey").cookie(cookie)
                .header("Origin", "http://127.0.0.1:1").send();
        Reply garbage = http.post("/api/1/users/me/apikey").cookie(cookie).header("Origin", "::not a url::").send();

        assertEquals(403, foreignReferer.status(), foreignReferer::toString);
        assertEquals(403, opaque.status(), opaque::toString);
        assertEquals(403, otherPort.status(), otherPort::toString);
        assertEquals(403, garbage.status(), garbage::toString);
        assertEquals(before, apiKey());

        Reply ownReferer = http.post("/api/1/users/me/apikey").cookie(cookie)
                .header("Referer", ownOrigin() + "/index.html#/apikey").send();
        assertEquals(200, ownReferer.status(), ownReferer::toString);
    }

    /** Only the cookie and cached Basic come along by itself: credentials the sender had to know are no forgery. */
    @Test
    void otherCredentialsAndReadsAreNotAffected() {
        Reply parameter = http.post("/api/1/users/me/apikey").header("Origin", EVIL)
                .form(Map.of("sesskey", key)).send();
        Reply read = http.get("/api/1/users/me").cookie(cookie).header("Origin", EVIL).send();
        // No Origin and no Referer: not a browser's cross-site request (curl with -b), as documented.
        Reply script = http.post("/api/1/users/me/apikey").cookie(cookie).send();

        assertEquals(200, parameter.status(), parameter::toString);
        assertEquals(200, read.status(), read::toString);
        assertEquals(200, script.status(), script::toString);
    }

    /**
     * The victim once signed in with Basic (a URL with credentials, another tool on this origin):
     * the browser keeps sending them, also on another site's form POST.
     */
    @Test
    void aForgedCrossSitePostWithCachedBasicCannotRegenerateTheApiKey() {
        String before = apiKey();

        Reply byOrigin = http.post("/api/1/users/me/apikey").basicAuth(email, PASSWORD).header("Origin", EVIL)
                .header("Sec-Fetch-Site", "cross-site").form(Map.of()).send();
        // Fetch Metadata alone (a browser that leaves Origin out) is enough.
        Reply byFetchMetadata = http.post("/api/1/users/me/apikey").basicAuth(email, PASSWORD)
                .header("Sec-Fetch-Site", "cross-site").send();
        // A sibling subdomain is the same site and may be anyone's.
        Reply sibling = http.post("/api/1/users/me/apikey").basicAuth(email, PASSWORD)
                .header("Sec-Fetch-Site", "same-site").send();
        Reply apiKeyAsBasic = http.post("/api/1/users/me/apikey").basicAuth("apikey", before)
                .header("Origin", EVIL).send();

        for (Reply forged : List.of(byOrigin, byFetchMetadata, sibling, apiKeyAsBasic)) {
            assertEquals(403, forged.status(), forged::toString);
            assertTrue(forged.error().startsWith(REFUSAL), forged::toString);
        }
        assertEquals(before, apiKey(), "the key did not change");
    }

    @Test
    void aCrossSiteApplicationTokenWithCachedBasicIsRefusedInEmnifysFormatAndNoneIsMade() {
        String description = "planted through cached Basic for " + email;

        Reply forged = http.post("/api/v1/application_token").basicAuth(email, PASSWORD)
                .header("Sec-Fetch-Site", "cross-site").json("{\"description\":\"" + description + "\"}").send();

        assertEquals(403, forged.status(), forged::toString);
        assertEquals(403, forged.object().getInt("error_code"));
        assertTrue(forged.object().getString("message").startsWith(REFUSAL), forged::toString);
        assertEquals(List.of(), applicationTokens(description), "no token was made");
    }

    @Test
    void aCrossSiteFetchWithTheCookieIsRefusedByFetchMetadataAlone() {
        String before = apiKey();

        Reply forged = http.post("/api/1/users/me/apikey").cookie(cookie).header("Sec-Fetch-Site", "cross-site").send();

        assertEquals(403, forged.status(), forged::toString);
        assertEquals(before, apiKey(), "the key did not change");
    }

    @Test
    void basicFromScriptsAndFromOwnPagesKeepsWorking() {
        String before = apiKey();

        // curl --user ... -X POST: no Origin, no Referer, no Fetch Metadata.
        Reply script = http.post("/api/1/users/me/apikey").basicAuth(email, PASSWORD).send();
        Reply ownPage = http.post("/api/1/users/me/apikey").basicAuth(email, PASSWORD)
                .header("Origin", ownOrigin()).header("Sec-Fetch-Site", "same-origin").send();
        Reply typed = http.post("/api/1/users/me/apikey").basicAuth(email, PASSWORD).header("Sec-Fetch-Site", "none").send();
        Reply read = http.get("/api/1/users/me/apikey").basicAuth(email, PASSWORD).header("Origin", EVIL)
                .header("Sec-Fetch-Site", "cross-site").send();

        assertEquals(200, script.status(), script::toString);
        assertNotEquals(before, script.data().getString("apikey"));
        assertEquals(200, ownPage.status(), ownPage::toString);
        assertEquals(200, typed.status(), typed::toString);
        assertEquals(200, read.status(), read::toString);
        assertEquals(typed.data().getString("apikey"), read.data().getString("apikey"));
    }

    @Test
    void theRefusalIsAudited() throws InterruptedException {
        http.post("/api/1/users/me/apikey").cookie(cookie).header("Origin", EVIL).send();
        http.post("/api/1/users/me/apikey").basicAuth(email, PASSWORD).header("Sec-Fetch-Site", "cross-site").send();

        assertCrossOriginAudited("session");
        assertCrossOriginAudited("basic");
    }

    private void assertCrossOriginAudited(String scheme) throws InterruptedException {
        // The audit writer flushes its queue about once a second.
        for (int i = 0; i < 50; i++) {
            Reply events = gatehouse.asAdmin(http.get("/api/admin/audit?scheme=" + scheme + "&outcome=failure")).send();
            if (events.object().getJsonArray("data").stream()
                    .anyMatch(e -> "cross_origin".equals(e.asJsonObject().getString("reason", null)))) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no cross_origin failure of " + scheme + " in the audit log");
    }

    @Test
    void thePortalIsServedWithoutCredentialsUnframeableAndWithoutInlineScript() {
        Reply page = http.get("/").send();
        Reply stale = http.get("/").cookie("sesskey=dkmh7j0moe8qogjtmv15rksl30aaaaaa").send();

        assertEquals(200, page.status(), page::toString);
        assertTrue(page.header("Content-Type").orElse("").startsWith("text/html"), page.header("Content-Type")::toString);
        String policy = page.header("Content-Security-Policy").orElse("");
        assertTrue(policy.contains("default-src 'self'") && policy.contains("frame-ancestors 'none'")
                && !policy.contains("unsafe-inline"), policy);
        assertEquals("DENY", page.header("X-Frame-Options").orElse(null));
        assertEquals("nosniff", page.header("X-Content-Type-Options").orElse(null));
        assertTrue(!page.body().contains("<script>") && page.body().contains("type=\"module\""), "scripts come from files");
        assertEquals(200, stale.status(), "a stale cookie does not keep anyone from the sign-in page");
    }
}
