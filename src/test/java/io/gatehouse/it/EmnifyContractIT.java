package io.gatehouse.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.gatehouse.it.EmnifyContract.APPLICATION_TOKENS;
import static io.gatehouse.it.EmnifyContract.AUTHENTICATION;
import static io.gatehouse.it.Gatehouse.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * emnify's published contract, judged by emnify's own OpenAPI files: every answer of /api/v1/authenticate and the
 * application-token paths, success and failure, has a status the operation documents and a body that validates
 * against that response's schema. A client generated from the files must never meet an answer they rule out.
 *
 * <p>A few answers come from rules the files do not describe per operation; each is listed in {@link #BEYOND}
 * with its reason, and its body must still be emnify's error object as the files define it.
 */
class EmnifyContractIT extends AgainstServer {

    private static final String AUTHENTICATE = "/api/v1/authenticate";
    private static final String TOKENS = "/api/v1/application_token";
    private static final String TOKEN = "/api/v1/application_token/{app_token_id}";
    private static final String PASSWORD = "contract-Passw0rd";

    /** Operation to the statuses that SPEC rules add to what the file lists for it. */
    private static final Map<String, Set<Integer>> BEYOND = Map.of(
            // 415: not JSON at all (SPEC §5); 429: the file's own note, "a rate limit of 100 requests per IP".
            "post " + AUTHENTICATE, Set.of(415, 429),
            // 401: the file's BearerAuth security requirement; 403: SPEC §3, an API key (or an application
            // token's auth_token) may not manage application tokens; 415: not JSON.
            "get " + TOKENS, Set.of(401, 403),
            "post " + TOKENS, Set.of(401, 403, 415),
            // The file lists only 204 for PATCH: a body it cannot use is emnify's 422, an id the
            // organisation does not own is a 404, as everywhere else in emnify's API.
            "patch " + TOKEN, Set.of(401, 403, 404, 415, 422));

    String email;
    /** Per-address limits are counted across the suite: this test's requests come from an address of its own. */
    String address;

    @BeforeEach
    void user() {
        email = uniqueEmail("contract");
        address = Gatehouse.uniqueAddress();
        gatehouse.createUser(email, PASSWORD, "Contract User");
    }

    /** Asserts the answer keeps the contract and returns it. */
    private Reply conforms(String document, String method, String path, Reply reply) {
        if (BEYOND.getOrDefault(method + " " + path, Set.of()).contains(reply.status())) {
            List<String> problems = EmnifyContract.problemsAgainstComponent(document,
                    document.equals(AUTHENTICATION) ? "AuthenticateRequestUnauthorizedError"
                            : "ApplicationTokenPostRequestUnprocessableEntityError", reply);
            assertEquals(List.of(), problems, () -> method + " " + path + " " + reply);
            assertEquals(reply.status(), reply.object().getInt("error_code"), reply::toString);
            return reply;
        }
        assertEquals(List.of(), EmnifyContract.problems(document, path, method, reply), () -> method + " " + path);
        return reply;
    }

    private Reply authenticate(String json) {
        return conforms(AUTHENTICATION, "post", AUTHENTICATE,
                http.post(AUTHENTICATE).header("X-Forwarded-For", address).json(json).send());
    }

    private String authToken() {
        return authenticate("{\"username\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}").object().getString("auth_token");
    }

    private JsonArray list(String bearer) {
        return conforms(APPLICATION_TOKENS, "get", TOKENS,
                http.get(TOKENS).header("Authorization", "Bearer " + bearer).send()).json().asJsonArray();
    }

    private Reply create(String bearer, String json) {
        return conforms(APPLICATION_TOKENS, "post", TOKENS,
                http.post(TOKENS).header("Authorization", "Bearer " + bearer).json(json).send());
    }

    private Reply patch(String bearer, Object id, String json) {
        return conforms(APPLICATION_TOKENS, "patch", TOKEN,
                http.patch(TOKENS + "/" + id).header("Authorization", "Bearer " + bearer).json(json).send());
    }

    private static JsonObject last(JsonArray list) {
        return list.getJsonObject(list.size() - 1);
    }

    @Test
    void authenticateWhenEveryKindOfRequestThenEachAnswerIsOneTheFileDocuments() throws Exception {
        Reply password = authenticate("{\"username\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
        assertEquals(200, password.status());
        String sha1 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-1")
                .digest(PASSWORD.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals(200, authenticate("{\"username\":\"" + email + "\",\"password\":\"" + sha1 + "\"}").status());
        assertEquals(200, authenticate("{\"refresh_token\":\"" + password.object().getString("refresh_token") + "\"}").status());
        String application = create(password.object().getString("auth_token"), "{}").object().getString("application_token");
        assertEquals(200, authenticate("{\"application_token\":\"" + application + "\"}").status());

        for (String malformed : List.of("{\"username\": ", "[]", "{}", "null", "{\"username\":\"" + email + "\"}",
                "{\"username\":\"" + email + "\",\"password\":1e111111111111}",
                "{\"username\":5,\"password\":\"x\"}", "{\"refresh_token\":{}}",
                "{\"username\":\"" + email + "\",\"password\":\"" + "x".repeat(5000) + "\"}")) {
            assertEquals(400, authenticate(malformed).status(), malformed);
        }
        for (String refused : List.of("{\"username\":\"" + uniqueEmail("nobody") + "\",\"password\":\"x-y-z\"}",
                "{\"refresh_token\":\"eyJhbGciOiJub25lIn0.e30.\"}", "{\"application_token\":\"not-a-token\"}")) {
            assertEquals(401, authenticate(refused).status(), refused);
        }
        assertEquals(415, conforms(AUTHENTICATION, "post", AUTHENTICATE,
                http.post(AUTHENTICATE).header("X-Forwarded-For", address).body("text/plain", "username=x").send()).status());
    }

    @Test
    void authenticateWhenThreeWrongPasswordsThenTheBlockIsTheDocumented401() {
        for (int i = 0; i < 3; i++) {
            assertEquals(401, authenticate("{\"username\":\"" + email + "\",\"password\":\"wrong-" + i + "\"}").status());
        }
        Reply blocked = authenticate("{\"username\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");

        // The file's 401 names TooManyRequests for the block; which token answers is issue 16's item 5 (no
        // enumeration): the contract here is the status and the error object.
        assertEquals(401, blocked.status(), "the block is the documented 401, not an undocumented 429");
    }

    @Test
    void authenticateWhenAnAddressSendsMoreThanOneHundredThenEmnifysErrorObject() {
        Reply answer = null;
        for (int i = 0; i <= 100; i++) {
            answer = conforms(AUTHENTICATION, "post", AUTHENTICATE,
                    http.post(AUTHENTICATE).header("X-Forwarded-For", address).json("{}").send());
        }
        assertEquals(429, answer.status(), answer::toString);
    }

    @Test
    void listWhenATokenHasNoDescriptionExpiryOrRangeThenThoseFieldsAreLeftOutNotNull() {
        String bearer = authToken();
        create(bearer, "{}");
        create(bearer, "{\"description\":\"full\",\"expiry_date\":\"" + LocalDate.now().plusYears(1)
                + "\",\"ip\":\"203.0.113.0/24\"}");
        create(bearer, "{\"description\":\"with a zone\",\"expiry_date\":\"" + LocalDate.now().plusYears(1) + "T12:00:00+02:00\"}");

        JsonArray tokens = list(bearer);

        JsonObject bare = tokens.getJsonObject(tokens.size() - 3);
        assertFalse(bare.containsKey("ip") || bare.containsKey("description") || bare.containsKey("expiry_date"), bare::toString);
        assertFalse(tokens.toString().contains("null"), "no field is null: " + tokens);
        assertEquals("203.0.113.0/24", tokens.getJsonObject(tokens.size() - 2).getString("ip"));
        assertEquals(email, last(tokens).getJsonObject("creator").getString("username"));
    }

    @Test
    void createWhenTheBodyIsNotUsableThenTheDocumented422AndNoToken() {
        String bearer = authToken();
        int before = list(bearer).size();

        for (String body : List.of("{\"description\": ", "[]", "\"text\"", "{\"description\":5}", "{\"ip\":[\"10.0.0.1\"]}",
                "{\"description\":1e111111111111}",
                "{\"description\":\"" + "d".repeat(501) + "\"}", "{\"expiry_date\":\"2021-10-29\"}",
                "{\"expiry_date\":\"29.10.2031\"}", "{\"ip\":\"10.0.0.0/33\"}", "{\"ip\":\"example.com\"}")) {
            Reply refused = create(bearer, body);
            assertEquals(422, refused.status(), body);
            assertEquals("UnprocessableEntity", refused.object().getString("error_token"));
        }
        assertEquals(before, list(bearer).size(), "nothing was created");
        assertEquals(401, create("not-a-token", "{}").status());
        assertEquals(415, conforms(APPLICATION_TOKENS, "post", TOKENS, http.post(TOKENS)
                .header("Authorization", "Bearer " + bearer).body("text/plain", "{}").send()).status());
    }

    @Test
    void patchWhenRenamedOrRevokedThen204AndTheListSaysSo() {
        String bearer = authToken();
        String application = create(bearer, "{\"description\":\"first\"}").object().getString("application_token");
        long id = last(list(bearer)).getJsonNumber("id").longValue();

        assertEquals(204, patch(bearer, id, "{\"description\":\"renamed\"}").status());
        assertEquals("renamed", last(list(bearer)).getString("description"));
        assertEquals(0, last(list(bearer)).getJsonObject("status").getInt("id"), "renaming does not revoke");

        assertEquals(204, patch(bearer, id, "{\"status\":{\"id\":1}}").status());
        assertEquals(1, last(list(bearer)).getJsonObject("status").getInt("id"));
        assertEquals(401, authenticate("{\"application_token\":\"" + application + "\"}").status());
    }

    @Test
    void patchWhenTheStatusIsOnlyOneInItsLowBitsOrTheIdIsNotOursThenNothingIsRevoked() {
        String bearer = authToken();
        String application = create(bearer, "{}").object().getString("application_token");
        long id = last(list(bearer)).getJsonNumber("id").longValue();

        for (String body : List.of("{\"status\":{\"id\":4294967297}}", "{\"status\":{\"id\":1.5}}", "{\"status\":{\"id\":0}}",
                "{\"status\":1}", "{}", "{\"status\": ", "[]", "{\"description\":7}")) {
            assertEquals(422, patch(bearer, id, body).status(), body);
        }
        assertEquals(404, patch(bearer, Long.MAX_VALUE, "{\"status\":{\"id\":1}}").status());
        assertEquals(401, patch("not-a-token", id, "{\"status\":{\"id\":1}}").status());

        assertEquals(0, last(list(bearer)).getJsonObject("status").getInt("id"), "still active");
        assertEquals(200, authenticate("{\"application_token\":\"" + application + "\"}").status(), "and still exchanged");
    }

    @Test
    void tokenPathsWhenAnApiKeyOrAnApplicationTokensAuthTokenThenEmnifysError() {
        String apiKey = http.get("/api/1/users/me/apikey").basicAuth(email, PASSWORD).send().data().getString("apikey");
        String bearer = authToken();
        String application = create(bearer, "{}").object().getString("application_token");
        String derived = authenticate("{\"application_token\":\"" + application + "\"}").object().getString("auth_token");

        assertEquals(403, conforms(APPLICATION_TOKENS, "get", TOKENS,
                http.get(TOKENS).basicAuth("apikey", apiKey).send()).status());
        assertEquals(403, create(derived, "{}").status());
        assertEquals(401, conforms(APPLICATION_TOKENS, "get", TOKENS, http.get(TOKENS).send()).status());
    }
}
