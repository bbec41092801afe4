package io.gatehouse.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.gatehouse.it.Gatehouse.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Scopes mean something (issue 16, item 2): an OAuth client that gets a user's token does no more
 * than the token's scope allows, first-party logins keep every right, and introspection tells a
 * client only about its own tokens. Each attack is the request an attacker's client sends, then
 * what must not have happened.
 */
class ScopesIT extends AgainstServer {

    private static final String PASSWORD = "scopes-admin-password-1";
    private static final List<String> VOCABULARY = List.of("apikey", "password", "application_tokens", "admin", "introspection");
    /** What a token without Gatehouse's scopes may still do (SensitiveEndpointsTest keeps the same list). */
    private static final Set<String> BASELINE = Set.of("GET /api/1/users/me", "DELETE /api/1/auth/session", "POST /otp/send");

    String adminEmail;
    long adminId;
    /** Registered for "read" only: a scope Gatehouse does not know, for some other resource server. */
    JsonObject readClient;
    /** Registered for every scope of the vocabulary but introspection. */
    JsonObject fullClient;

    @BeforeEach
    void anAdminAndTwoClients() {
        adminEmail = uniqueEmail("scopes-admin");
        Reply created = gatehouse.asAdmin(http.post("/api/admin/users")).json(Json.createObjectBuilder()
                .add("email", adminEmail).add("password", PASSWORD).add("name", "Scoped Admin").add("role", "admin")
                .build().toString()).send();
        assertEquals(201, created.status(), created::toString);
        adminId = created.data().getJsonNumber("userid").longValue();
        readClient = client("reader", "[\"read\"]");
        fullClient = client("full", "[\"read\",\"apikey\",\"password\",\"application_tokens\",\"admin\"]");
    }

    private JsonObject client(String name, String scopes) {
        Reply created = gatehouse.asAdmin(http.post("/api/admin/clients")).json("{\"name\":\"" + name
                + "\",\"grant_types\":[\"client_credentials\",\"password\",\"refresh_token\"],\"scopes\":" + scopes + "}").send();
        assertEquals(201, created.status(), created::toString);
        return created.data();
    }

    private Reply grant(JsonObject client, Map<String, String> fields) {
        return http.post("/oauth/v2/token").basicAuth(client.getString("client_id"), client.getString("client_secret"))
                .form(fields).send();
    }

    /** The password grant's answer for this user, asking for this scope. */
    private JsonObject passwordGrant(JsonObject client, String email, String password, String scope) {
        Reply granted = grant(client, Map.of("grant_type", "password", "username", email, "password", password, "scope", scope));
        assertEquals(200, granted.status(), granted::toString);
        assertEquals(scope, granted.object().getString("scope"));
        return granted.object();
    }

    private String token(JsonObject client, String scope) {
        return passwordGrant(client, adminEmail, PASSWORD, scope).getString("access_token");
    }

    private Http.Request bearer(Http.Request request, String token) {
        return request.header("Authorization", "Bearer " + token);
    }

    private Reply introspect(JsonObject asker, String token) {
        return http.post("/oauth/v2/introspect").basicAuth(asker.getString("client_id"), asker.getString("client_secret"))
                .form(Map.of("token", token)).send();
    }

    /** 403 in the endpoint's dialect, with RFC 6750's challenge naming the missing scope. */
    private static void assertInsufficientScope(String scope, String path, Reply reply) {
        assertEquals(403, reply.status(), path + ": " + reply);
        String challenge = reply.header("WWW-Authenticate").orElse("");
        assertTrue(challenge.startsWith("Bearer ") && challenge.contains("error=\"insufficient_scope\"")
                && challenge.contains("scope=\"" + scope + "\""), path + ": " + challenge);
        JsonObject body = reply.object();
        if (path.startsWith("/api/v1/")) {
            assertEquals(403, body.getInt("error_code"), path + ": " + body);
        } else {
            assertFalse(body.getBoolean("success"), path + ": " + body);
            assertTrue(body.getString("error").contains(scope), path + ": " + body);
        }
    }

    private String apiKeyByBasic() {
        return gatehouse.asAdmin(http.get("/api/1/users/me/apikey")).send().data().getString("apikey");
    }

    private Http.Request asScopedAdmin(Http.Request request) {
        return request.basicAuth(adminEmail, PASSWORD);
    }

    @Test
    void anAdminsTokenForAReadClientOpensNoSensitiveEndpointAndChangesNothing() {
        String apiKey = asScopedAdmin(http.get("/api/1/users/me/apikey")).send().data().getString("apikey");
        Reply made = asScopedAdmin(http.post("/api/v1/application_token")).json("{\"description\":\"kept\"}").send();
        assertEquals(200, made.status(), made::toString);
        String appTokens = asScopedAdmin(http.get("/api/v1/application_token")).send().body();
        long appTokenId = asScopedAdmin(http.get("/api/v1/application_token")).send().json().asJsonArray().stream()
                .map(JsonValue::asJsonObject).filter(t -> "kept".equals(t.getString("description", null)))
                .findFirst().orElseThrow().getJsonNumber("id").longValue();
        String stranger = uniqueEmail("never-made");
        String token = token(readClient, "read");

        assertEquals(adminId, bearer(http.get("/api/1/users/me"), token).send().data().getJsonNumber("userid").longValue(),
                "the baseline still works");
        Reply viewKey = bearer(http.get("/api/1/users/me/apikey"), token).send();
        assertInsufficientScope("apikey", "/api/1/users/me/apikey", viewKey);
        assertFalse(viewKey.body().contains(apiKey), "the key never shows");
        assertInsufficientScope("apikey", "/api/1/users/me/apikey", bearer(http.post("/api/1/users/me/apikey"), token).send());
        assertInsufficientScope("password", "/api/1/users/me/password", bearer(http.post("/api/1/users/me/password"), token)
                .json("{\"current_password\":\"" + PASSWORD + "\",\"new_password\":\"taken-over-by-the-client\"}").send());
        assertInsufficientScope("application_tokens", "/api/v1/application_token",
                bearer(http.post("/api/v1/application_token"), token).json("{\"description\":\"planted\"}").send());
        assertInsufficientScope("application_tokens", "/api/v1/application_token",
                bearer(http.get("/api/v1/application_token"), token).send());
        assertInsufficientScope("application_tokens", "/api/v1/application_token/" + appTokenId,
                bearer(http.patch("/api/v1/application_token/" + appTokenId), token).json("{\"status\":{\"id\":1}}").send());
        assertInsufficientScope("admin", "/api/admin/users", bearer(http.get("/api/admin/users"), token).send());
        assertInsufficientScope("admin", "/api/admin/users", bearer(http.post("/api/admin/users"), token).json(Json
                .createObjectBuilder().add("email", stranger).add("password", "planted-password").add("role", "admin")
                .build().toString()).send());
        assertInsufficientScope("admin", "/api/admin/settings", bearer(http.put("/api/admin/settings"), token)
                .json("{\"lockout.maxFailures\": 1000}").send());

        assertEquals(apiKey, asScopedAdmin(http.get("/api/1/users/me/apikey")).send().data().getString("apikey"),
                "the API key is unchanged");
        assertEquals(200, http.get("/api/1/users/me?apikey=" + apiKey).send().status());
        assertEquals(401, gatehouse.login(adminEmail, "taken-over-by-the-client").status(), "the password is unchanged");
        assertEquals(200, gatehouse.login(adminEmail, PASSWORD).status());
        assertEquals(appTokens, asScopedAdmin(http.get("/api/v1/application_token")).send().body(),
                "no application token made or revoked");
        assertEquals(0, gatehouse.asAdmin(http.get("/api/admin/users?email=" + Http.q(stranger))).send()
                .object().getJsonArray("data").size(), "no user made");
        assertEquals(10, gatehouse.asAdmin(http.get("/api/admin/settings")).send().data().getInt("lockout.maxFailures"));
    }

    /**
     * Every operation of the served API document that a Bearer token may call: with a token of an
     * admin for a client without Gatehouse's scopes, each one that names a scope answers
     * insufficient_scope, and the others are the short baseline. A new endpoint is in the document
     * (OpenApiDocumentTest), so it is tried here too.
     */
    @Test
    void everyEndpointOfTheApiDocumentRefusesATokenWithoutTheScopeItNames() {
        JsonObject document = http.get("/openapi").send().object();
        long victim = gatehouse.createUser(uniqueEmail("victim"), "victim-password-1", "Victim");
        String victimClient = client("victim", "[]").getString("client_id");
        Map<String, String> placeholders = Map.of("{id}", String.valueOf(victim), "{clientId}", victimClient);
        String token = token(readClient, "read");
        List<String> tried = new ArrayList<>();
        assertEquals(200, gatehouse.setSettings("{\"operations.requireAdmin\": true}").status());
        try {
            document.getJsonObject("paths").forEach((template, item) -> item.asJsonObject().forEach((verb, value) -> {
                if (!Set.of("get", "post", "put", "patch", "delete").contains(verb)) {
                    return;
                }
                JsonObject operation = value.asJsonObject();
                List<String> schemes = operation.getJsonArray("security").stream()
                        .flatMap(r -> r.asJsonObject().keySet().stream()).toList();
                if (!schemes.contains("bearer")) {
                    return;  // public, or for client credentials only
                }
                String endpoint = verb.toUpperCase(java.util.Locale.ROOT) + " " + template;
                String scope = operation.getJsonArray("security").stream().map(JsonValue::asJsonObject)
                        .filter(r -> r.containsKey("oauth2")).map(r -> r.getJsonArray("oauth2"))
                        .filter(s -> !s.isEmpty()).map(s -> s.getString(0)).findFirst().orElse(null);
                if (scope == null) {
                    assertTrue(BASELINE.contains(endpoint), endpoint + " names no scope and is not on the baseline");
                    return;
                }
                String path = template;
                for (var placeholder : placeholders.entrySet()) {
                    path = path.replace(placeholder.getKey(), placeholder.getValue());
                }
                Http.Request request = bearer(switch (verb) {
                    case "get" -> http.get(path);
                    case "post" -> http.post(path);
                    case "put" -> http.put(path);
                    case "patch" -> http.patch(path);
                    default -> http.delete(path);
                }, token);
                if (!verb.equals("get") && !verb.equals("delete")) {
                    request.json("{}");
                }
                assertInsufficientScope(scope, path, request.send());
                tried.add(endpoint);
            }));
            assertEquals(200, bearer(http.get("/metrics"), token(fullClient, "admin")).send().status(),
                    "with the admin scope, what requireAdmin guards opens");
        } finally {
            assertEquals(200, gatehouse.setSettings("{\"operations.requireAdmin\": false}").status());
        }
        assertTrue(tried.containsAll(List.of("GET /api/1/users/me/apikey", "DELETE /api/admin/users/{id}",
                "PATCH /api/v1/application_token/{id}", "GET /metrics")), tried::toString);
        assertEquals(200, gatehouse.asAdmin(http.get("/api/admin/users/" + victim)).send().status(), "the user was not deleted");
        assertTrue(gatehouse.asAdmin(http.get("/api/admin/clients")).send().body().contains(victimClient), "nor the client");
    }

    @Test
    void withTheScopeItNamesEachEndpointWorksAndOnlyThatOne() {
        String before = asScopedAdmin(http.get("/api/1/users/me/apikey")).send().data().getString("apikey");
        String keys = token(fullClient, "apikey");
        assertEquals(before, bearer(http.get("/api/1/users/me/apikey"), keys).send().data().getString("apikey"));
        String regenerated = bearer(http.post("/api/1/users/me/apikey"), keys).send().data().getString("apikey");
        assertNotEquals(before, regenerated);
        assertEquals(401, http.get("/api/1/users/me?apikey=" + before).send().status(), "the old key ends");
        assertInsufficientScope("application_tokens", "/api/v1/application_token", bearer(http.get("/api/v1/application_token"), keys).send());
        assertInsufficientScope("admin", "/api/admin/users", bearer(http.get("/api/admin/users"), keys).send());

        String apps = token(fullClient, "application_tokens");
        Reply made = bearer(http.post("/api/v1/application_token"), apps).json("{\"description\":\"by a client\"}").send();
        assertEquals(200, made.status(), made::toString);
        JsonObject listed = bearer(http.get("/api/v1/application_token"), apps).send().json().asJsonArray().stream()
                .map(JsonValue::asJsonObject).filter(t -> "by a client".equals(t.getString("description", null)))
                .findFirst().orElseThrow();
        assertEquals(204, bearer(http.patch("/api/v1/application_token/" + listed.getJsonNumber("id")), apps)
                .json("{\"status\":{\"id\":1}}").send().status());
        assertInsufficientScope("apikey", "/api/1/users/me/apikey", bearer(http.get("/api/1/users/me/apikey"), apps).send());

        String admin = token(fullClient, "admin");
        assertEquals(200, bearer(http.get("/api/admin/users/" + adminId), admin).send().status());
        assertEquals(200, bearer(http.get("/api/admin/settings"), admin).send().status());
        String plainEmail = uniqueEmail("plain-admin-scope");
        gatehouse.createUser(plainEmail, "plain-password-1", "Plain");
        Reply notAnAdmin = bearer(http.get("/api/admin/users"),
                passwordGrant(fullClient, plainEmail, "plain-password-1", "admin").getString("access_token")).send();
        assertEquals(403, notAnAdmin.status(), "the scope adds no role: " + notAnAdmin);

        assertEquals(List.of("user"), groups(token(readClient, "read")), "an admin's read token says no admin to anyone");
        assertEquals(List.of("user", "admin"), groups(admin));

        String password = token(fullClient, "password");
        Reply changed = bearer(http.post("/api/1/users/me/password"), password)
                .json("{\"current_password\":\"" + PASSWORD + "\",\"new_password\":\"changed-by-a-client-2\"}").send();
        assertEquals(200, changed.status(), changed::toString);
        assertEquals(200, gatehouse.login(adminEmail, "changed-by-a-client-2").status());
    }

    private static List<String> groups(String jwt) {
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        try (var reader = Json.createReader(new StringReader(payload))) {
            return reader.readObject().getJsonArray("groups").getValuesAs(JsonString.class).stream()
                    .map(JsonString::getString).toList();
        }
    }

    @Test
    void firstPartyLoginsKeepEveryRight() {
        String session = gatehouse.sessionKey(adminEmail, PASSWORD);
        String authToken = http.post("/api/v1/authenticate").json(Json.createObjectBuilder()
                .add("username", adminEmail).add("password", PASSWORD).build().toString()).send().object().getString("auth_token");
        Map<String, Http.Request> forms = new LinkedHashMap<>();
        for (String path : List.of("/api/1/users/me/apikey", "/api/v1/application_token", "/api/admin/users", "/api/admin/settings")) {
            forms.put("session " + path, http.get(path).cookie("sesskey=" + session));
            forms.put("Basic " + path, asScopedAdmin(http.get(path)));
            forms.put("auth_token " + path, bearer(http.get(path), authToken));
        }
        forms.forEach((name, request) -> {
            Reply reply = request.send();
            assertEquals(200, reply.status(), name + ": " + reply);
        });
    }

    @Test
    void aRefreshedTokenKeepsAtMostTheOriginalScope() {
        JsonObject granted = passwordGrant(fullClient, adminEmail, PASSWORD, "apikey");
        Reply widened = grant(fullClient, Map.of("grant_type", "refresh_token",
                "refresh_token", granted.getString("refresh_token"), "scope", "apikey admin"));
        assertEquals(400, widened.status(), widened::toString);
        assertEquals("invalid_scope", widened.object().getString("error"));

        Reply refreshed = grant(fullClient, Map.of("grant_type", "refresh_token", "refresh_token", granted.getString("refresh_token")));
        assertEquals(200, refreshed.status(), refreshed::toString);
        assertEquals("apikey", refreshed.object().getString("scope"));
        String token = refreshed.object().getString("access_token");
        assertEquals(200, bearer(http.get("/api/1/users/me/apikey"), token).send().status());
        assertInsufficientScope("admin", "/api/admin/users", bearer(http.get("/api/admin/users"), token).send());
    }

    @Test
    void introspectionTellsAClientOnlyAboutItsOwnTokensUnlessItHasTheIntrospectionScope() {
        JsonObject introspector = client("introspector", "[\"introspection\"]");
        JsonObject granted = passwordGrant(fullClient, adminEmail, PASSWORD, "apikey");
        Reply clientOnly = grant(fullClient, Map.of("grant_type", "client_credentials"));
        String authToken = http.post("/api/v1/authenticate").json(Json.createObjectBuilder()
                .add("username", adminEmail).add("password", PASSWORD).build().toString()).send().object().getString("auth_token");
        Map<String, String> ofFullClient = Map.of(
                "access token", granted.getString("access_token"),
                "refresh token", granted.getString("refresh_token"),
                "client token", clientOnly.object().getString("access_token"));

        ofFullClient.forEach((kind, token) -> {
            Reply toAnother = introspect(readClient, token);
            assertEquals(200, toAnother.status(), toAnother::toString);
            assertEquals(Json.createObjectBuilder().add("active", false).build(), toAnother.object(),
                    "another client learns nothing of the " + kind);
            assertTrue(introspect(fullClient, token).object().getBoolean("active"), "its own " + kind);
            JsonObject seen = introspect(introspector, token).object();
            assertTrue(seen.getBoolean("active"), "the introspection client sees the " + kind + ": " + seen);
            assertEquals(fullClient.getString("client_id"), seen.getString("client_id"));
        });
        assertEquals(adminEmail, introspect(introspector, granted.getString("access_token")).object().getString("username"));

        assertFalse(introspect(readClient, authToken).object().getBoolean("active"), "a first-party token is nobody's");
        assertFalse(introspect(fullClient, authToken).object().getBoolean("active"));
        JsonObject firstParty = introspect(introspector, authToken).object();
        assertTrue(firstParty.getBoolean("active"), firstParty::toString);
        assertEquals(String.valueOf(adminId), firstParty.getString("sub"));
    }

    @Test
    void aLogoutByAClientsTokenEndsOnlyThatClientsRefreshTokens() {
        JsonObject mine = passwordGrant(readClient, adminEmail, PASSWORD, "read");
        String othersRefresh = passwordGrant(fullClient, adminEmail, PASSWORD, "apikey").getString("refresh_token");
        String emnifyRefresh = http.post("/api/v1/authenticate").json(Json.createObjectBuilder()
                .add("username", adminEmail).add("password", PASSWORD).build().toString()).send().object().getString("refresh_token");

        assertEquals(200, bearer(http.delete("/api/1/auth/session"), mine.getString("access_token")).send().status());

        Reply own = grant(readClient, Map.of("grant_type", "refresh_token", "refresh_token", mine.getString("refresh_token")));
        assertEquals("invalid_grant", own.object().getString("error"), "its own grant ends: " + own);
        Reply others = grant(fullClient, Map.of("grant_type", "refresh_token", "refresh_token", othersRefresh));
        assertEquals(200, others.status(), "another client's refresh token lives on: " + others);
        Reply emnify = http.post("/api/v1/authenticate").json("{\"refresh_token\":\"" + emnifyRefresh + "\"}").send();
        assertEquals(200, emnify.status(), "so does the user's own: " + emnify);
    }

    @Test
    void theServerMetadataListsTheScopeVocabulary() {
        JsonObject metadata = http.get("/.well-known/oauth-authorization-server").send().object();
        assertEquals(VOCABULARY, metadata.getJsonArray("scopes_supported").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList());
    }
}
