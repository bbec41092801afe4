package io.gatehouse.it;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.ResourceOwnerPasswordCredentialsGrant;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.gatehouse.it.Gatehouse.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /oauth/v2/token and its companions: the document's JSON requests, and Nimbus's OAuth 2 SDK as a real client. */
class OAuthIT extends AgainstServer {

    private static final String PASSWORD = "def56789-oauth";

    String clientId;
    String clientSecret;
    String email;
    long userId;

    @BeforeEach
    void clientAndUser() {
        JsonObject client = gatehouse.asAdmin(http.post("/api/admin/clients"))
                .json("{\"name\":\"abc\",\"grant_types\":[\"client_credentials\",\"password\",\"refresh_token\"]}")
                .send().data();
        clientId = client.getString("client_id");
        clientSecret = client.getString("client_secret");
        email = uniqueEmail("oauth");
        userId = gatehouse.createUser(email, PASSWORD, "OAuth User");
    }

    private Reply tokenJson(String fields) {
        return http.post("/oauth/v2/token").json("{\"client_id\":\"" + clientId + "\",\"client_secret\":\""
                + clientSecret + "\"," + fields + "}").send();
    }

    private URI endpoint(String path) {
        return URI.create(http.url(path));
    }

    private ClientAuthentication basic() {
        return new ClientSecretBasic(new ClientID(clientId), new Secret(clientSecret));
    }

    private AccessTokenResponse grant(TokenRequest request) throws Exception {
        TokenResponse response = TokenResponse.parse(request.toHTTPRequest().send());
        assertTrue(response.indicatesSuccess(), () -> response.toErrorResponse().getErrorObject().toString());
        return response.toSuccessResponse();
    }

    @Test
    void theDocumentsJsonRequestsAnswerExactlyAsItShows() {
        Reply client = tokenJson("\"grant_type\":\"client_credentials\"");
        assertEquals(200, client.status(), client::toString);
        JsonObject body = client.object();
        assertEquals(3600, body.getInt("expires_in"));
        assertEquals("bearer", body.getString("token_type"));
        assertTrue(body.isNull("scope"), "\"scope\": null, as the document shows");
        assertFalse(body.containsKey("refresh_token"));
        assertEquals("no-store", client.header("Cache-Control").orElse(null));

        Reply user = tokenJson("\"grant_type\":\"password\",\"username\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"");
        assertEquals(200, user.status(), user::toString);
        String refresh = user.object().getString("refresh_token");
        assertTrue(user.object().isNull("scope"));
        Reply me = http.get("/api/1/users/me").header("Authorization", "Bearer " + user.object().getString("access_token")).send();
        assertEquals(userId, me.data().getJsonNumber("userid").longValue());

        Reply refreshed = tokenJson("\"grant_type\":\"refresh_token\",\"refresh_token\":\"" + refresh + "\"");
        assertEquals(200, refreshed.status(), refreshed::toString);
        assertNotEquals(refresh, refreshed.object().getString("refresh_token"), "refresh tokens rotate");
        assertEquals("bearer", refreshed.object().getString("token_type"));
    }

    @Test
    void anOAuthRefreshTokenIsOpaqueAndNeverStandsInForAnEmnifyOne() {
        String refresh = tokenJson("\"grant_type\":\"password\",\"username\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"")
                .object().getString("refresh_token");
        assertTrue(refresh.matches("[A-Za-z0-9]{43}"), "opaque, as the document shows it: " + refresh);
        Reply atEmnify = http.post("/api/v1/authenticate").json("{\"refresh_token\":\"" + refresh + "\"}").send();
        assertEquals(401, atEmnify.status(), atEmnify::toString);
        assertEquals(401, http.get("/api/1/users/me").header("Authorization", "Bearer " + refresh).send().status());

        String emnifyRefresh = http.post("/api/v1/authenticate")
                .json("{\"username\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}").send()
                .object().getString("refresh_token");
        assertOAuthError(400, "invalid_grant", tokenJson("\"grant_type\":\"refresh_token\",\"refresh_token\":\"" + emnifyRefresh + "\""));
        assertEquals(200, tokenJson("\"grant_type\":\"refresh_token\",\"refresh_token\":\"" + refresh + "\"").status(),
                "the OAuth token itself still works once");
    }

    @Test
    void nimbusSdkDrivesEveryGrantRevocationAndIntrospection() throws Exception {
        URI token = endpoint("/oauth/v2/token");
        AccessTokenResponse client = grant(new TokenRequest(token, basic(), new ClientCredentialsGrant()));
        AccessTokenResponse user = grant(new TokenRequest(token,
                new ClientSecretPost(new ClientID(clientId), new Secret(clientSecret)),
                new ResourceOwnerPasswordCredentialsGrant(email, new Secret(PASSWORD))));
        RefreshToken refresh = user.getTokens().getRefreshToken();
        AccessTokenResponse refreshed = grant(new TokenRequest(token, basic(),
                new com.nimbusds.oauth2.sdk.RefreshTokenGrant(refresh)));

        assertNull(client.getTokens().getRefreshToken());
        assertEquals(3600, client.getTokens().getAccessToken().getLifetime());
        assertTrue(refreshed.getTokens().getRefreshToken() != null);

        TokenIntrospectionResponse introspected = TokenIntrospectionResponse.parse(new TokenIntrospectionRequest(
                endpoint("/oauth/v2/introspect"), basic(), refreshed.getTokens().getAccessToken()).toHTTPRequest().send());
        assertTrue(introspected.indicatesSuccess());
        assertTrue(introspected.toSuccessResponse().isActive());
        assertEquals(email, introspected.toSuccessResponse().getUsername());
        assertEquals(clientId, introspected.toSuccessResponse().getClientID().getValue());

        var revoked = new TokenRevocationRequest(endpoint("/oauth/v2/revoke"), basic(),
                refreshed.getTokens().getAccessToken()).toHTTPRequest().send();
        assertEquals(200, revoked.getStatusCode());
        assertEquals(401, http.get("/api/1/users/me")
                .header("Authorization", "Bearer " + refreshed.getTokens().getAccessToken().getValue()).send().status());
        TokenIntrospectionResponse after = TokenIntrospectionResponse.parse(new TokenIntrospectionRequest(
                endpoint("/oauth/v2/introspect"), basic(), refreshed.getTokens().getAccessToken()).toHTTPRequest().send());
        assertFalse(after.toSuccessResponse().isActive());

        new TokenRevocationRequest(endpoint("/oauth/v2/revoke"), basic(), refreshed.getTokens().getRefreshToken())
                .toHTTPRequest().send();
        TokenResponse dead = TokenResponse.parse(new TokenRequest(token, basic(),
                new com.nimbusds.oauth2.sdk.RefreshTokenGrant(refreshed.getTokens().getRefreshToken())).toHTTPRequest().send());
        assertEquals("invalid_grant", dead.toErrorResponse().getErrorObject().getCode());
    }

    @Test
    void theMetadataDocumentParsesWithTheSdk() throws Exception {
        Reply metadata = http.get("/.well-known/oauth-authorization-server").send();

        AuthorizationServerMetadata parsed = AuthorizationServerMetadata.parse(JSONObjectUtils.parse(metadata.body()));

        assertTrue(parsed.getTokenEndpointURI().toString().endsWith("/oauth/v2/token"));
        assertTrue(parsed.getRevocationEndpointURI().toString().endsWith("/oauth/v2/revoke"));
        assertTrue(parsed.getIntrospectionEndpointURI().toString().endsWith("/oauth/v2/introspect"));
        assertTrue(parsed.getJWKSetURI().toString().endsWith("/.well-known/jwks.json"));
        assertEquals(2, parsed.getRevocationEndpointAuthMethods().size());
    }

    @Test
    void errorsFollowRfc6749() throws Exception {
        Reply badSecretBasic = http.post("/oauth/v2/token").basicAuth(clientId, "wrong")
                .form(java.util.Map.of("grant_type", "client_credentials")).send();
        assertEquals(401, badSecretBasic.status());
        assertEquals("invalid_client", badSecretBasic.object().getString("error"));
        assertTrue(badSecretBasic.header("WWW-Authenticate").orElse("").startsWith("Basic"));

        TokenResponse badSecretBody = TokenResponse.parse(new TokenRequest(endpoint("/oauth/v2/token"),
                new ClientSecretPost(new ClientID(clientId), new Secret("wrong")), new ClientCredentialsGrant())
                .toHTTPRequest().send());
        assertEquals("invalid_client", badSecretBody.toErrorResponse().getErrorObject().getCode());

        assertOAuthError(400, "unsupported_grant_type", tokenJson("\"grant_type\":\"authorization_code\""));
        assertOAuthError(400, "invalid_request", tokenJson("\"scope\":\"x\""));
        assertOAuthError(400, "invalid_grant", tokenJson("\"grant_type\":\"password\",\"username\":\"" + email
                + "\",\"password\":\"wrong-password\""));
        assertOAuthError(400, "invalid_grant", tokenJson("\"grant_type\":\"refresh_token\",\"refresh_token\":\"nonsense\""));
        assertOAuthError(400, "invalid_scope", tokenJson("\"grant_type\":\"client_credentials\",\"scope\":\"admin\""));
        assertOAuthError(400, "invalid_request", http.post("/oauth/v2/token").json("{\"grant_type\": ").send());
        assertOAuthError(400, "invalid_request", http.post("/oauth/v2/introspect").basicAuth(clientId, clientSecret)
                .form(java.util.Map.of("nothing", "here")).send());
        assertEquals(401, http.post("/oauth/v2/introspect").form(java.util.Map.of("token", "x")).send().status(),
                "introspection needs an authenticated client");

        JsonObject limited = gatehouse.asAdmin(http.post("/api/admin/clients"))
                .json("{\"name\":\"cc only\",\"grant_types\":[\"client_credentials\"]}").send().data();
        Reply refused = http.post("/oauth/v2/token").basicAuth(limited.getString("client_id"), limited.getString("client_secret"))
                .form(java.util.Map.of("grant_type", "password", "username", email, "password", PASSWORD)).send();
        assertOAuthError(400, "unauthorized_client", refused);
    }

    private static void assertOAuthError(int status, String error, Reply reply) {
        assertEquals(status, reply.status(), reply::toString);
        assertEquals(error, reply.object().getString("error"), reply::toString);
        assertFalse(reply.object().getString("error_description").isBlank());
    }

    @Test
    void aUsedRefreshTokenPresentedAgainRevokesItsWholeFamily() throws Exception {
        URI token = endpoint("/oauth/v2/token");
        RefreshToken first = grant(new TokenRequest(token, basic(),
                new ResourceOwnerPasswordCredentialsGrant(email, new Secret(PASSWORD)))).getTokens().getRefreshToken();
        RefreshToken second = grant(new TokenRequest(token, basic(),
                new com.nimbusds.oauth2.sdk.RefreshTokenGrant(first))).getTokens().getRefreshToken();

        TokenResponse replay = TokenResponse.parse(new TokenRequest(token, basic(),
                new com.nimbusds.oauth2.sdk.RefreshTokenGrant(first)).toHTTPRequest().send());
        TokenResponse successor = TokenResponse.parse(new TokenRequest(token, basic(),
                new com.nimbusds.oauth2.sdk.RefreshTokenGrant(second)).toHTTPRequest().send());

        assertInstanceOf(TokenErrorResponse.class, replay);
        assertEquals("invalid_grant", replay.toErrorResponse().getErrorObject().getCode());
        assertInstanceOf(TokenErrorResponse.class, successor, "the family died with the replay");
    }

    @Test
    void ofTwentyConcurrentUsesOfOneRefreshTokenExactlyOneSucceeds() throws Exception {
        String refresh = tokenJson("\"grant_type\":\"password\",\"username\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"")
                .object().getString("refresh_token");
        int n = 20;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            Callable<Integer> use = () -> {
                start.await();
                return tokenJson("\"grant_type\":\"refresh_token\",\"refresh_token\":\"" + refresh + "\"").status();
            };
            for (int i = 0; i < n; i++) {
                results.add(pool.submit(use));
            }
            start.countDown();
            int ok = 0;
            for (Future<Integer> result : results) {
                int status = result.get(60, TimeUnit.SECONDS);
                assertTrue(status == 200 || status == 400, "status " + status);
                ok += status == 200 ? 1 : 0;
            }
            assertEquals(1, ok, "exactly one of " + n + " concurrent uses may succeed");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aClientTokenIsAClientNotAUserAndDiesWithItsClient() {
        String clientToken = tokenJson("\"grant_type\":\"client_credentials\"").object().getString("access_token");
        Reply asUser = http.get("/api/1/users/me").header("Authorization", "Bearer " + clientToken).send();
        assertEquals(403, asUser.status(), "a client is no user: " + asUser);

        assertEquals(200, gatehouse.asAdmin(http.delete("/api/admin/clients/" + clientId)).send().status());
        assertEquals(401, http.get("/api/1/users/me").header("Authorization", "Bearer " + clientToken).send().status());
        assertOAuthError(401, "invalid_client", http.post("/oauth/v2/token").basicAuth(clientId, clientSecret)
                .form(java.util.Map.of("grant_type", "client_credentials")).send());
    }

    @Test
    void tokenEndpointOutcomesReachTheAuditLog() throws InterruptedException {
        assertEquals(401, http.post("/oauth/v2/token").basicAuth(clientId, "not-the-secret")
                .form(java.util.Map.of("grant_type", "client_credentials")).send().status());
        assertEquals(400, tokenJson("\"grant_type\":\"password\",\"username\":\"" + email
                + "\",\"password\":\"wrong-password\"").status());
        assertEquals(200, tokenJson("\"grant_type\":\"client_credentials\"").status());

        String audit = "";
        for (int i = 0; i < 25; i++) {  // the audit log is written in batches, every second
            audit = gatehouse.asAdmin(http.get("/api/admin/audit?max=500")).send().body();
            // This test's user and client are fresh: wait for their own three events.
            if (audit.contains(email) && audit.split(clientId, -1).length > 2) {
                break;
            }
            Thread.sleep(200);
        }
        assertTrue(audit.contains("\"oauth_client\"") && audit.contains(clientId), "a refused client: " + audit);
        assertTrue(audit.contains("\"oauth_password\"") && audit.contains(email), "a refused password grant");
        assertTrue(audit.contains("\"oauth_client_credentials\""), "an issued client token");
        assertFalse(audit.contains(clientSecret) || audit.contains("not-the-secret") || audit.contains("wrong-password"),
                "never a secret");
    }

    @Test
    void theAdminApiShowsASecretOnlyOnceAndRotatesIt() {
        Reply listed = gatehouse.asAdmin(http.get("/api/admin/clients")).send();
        assertFalse(listed.body().contains(clientSecret), "never listed");
        assertTrue(listed.body().contains(clientId));

        String rotated = gatehouse.asAdmin(http.post("/api/admin/clients/" + clientId + "/secret")).send().data()
                .getString("client_secret");

        assertNotEquals(clientSecret, rotated);
        assertOAuthError(401, "invalid_client", http.post("/oauth/v2/token").basicAuth(clientId, clientSecret)
                .form(java.util.Map.of("grant_type", "client_credentials")).send());
        assertEquals(200, http.post("/oauth/v2/token").basicAuth(clientId, rotated)
                .form(java.util.Map.of("grant_type", "client_credentials")).send().status());
        assertEquals(400, gatehouse.asAdmin(http.post("/api/admin/clients"))
                .json("{\"name\":\"x\",\"grant_types\":[\"implicit\"]}").send().status());
    }
}
