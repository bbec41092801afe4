package io.gatehouse.it;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.gatehouse.it.Gatehouse.ADMIN_EMAIL;
import static io.gatehouse.it.Gatehouse.ADMIN_PASSWORD;
import static io.gatehouse.it.Gatehouse.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The README's promise, on Payara Micro 6: a MicroProfile JWT application that knows nothing but
 * Gatehouse's JWKS address and issuer ({@link MicroProfileJwtServer}, a second Payara Micro) accepts a
 * user's auth_token and an OAuth access token, maps the name and groups, and refuses every other
 * token Gatehouse hands out (refresh and application tokens) and every token an attacker makes or
 * keeps too long. Each refusal comes with its control: the genuine token works on the same path.
 */
class MicroProfileJwtIT extends AgainstServer {

    private static final String PASSWORD = "mp-jwt-pw-2024";

    private static MicroProfileJwtServer application;
    /** Why the application could not start: every test fails with it rather than starting it again. */
    private static Throwable unavailable;

    Http app;
    String email;

    @BeforeEach
    void applicationAndUser() throws Exception {
        if (unavailable != null) {
            throw new AssertionError("The MP-JWT application did not start", unavailable);
        }
        if (application == null) {
            // The issuer as Gatehouse announces it (RFC 8414); the JWKS where this test reaches it.
            String issuer = http.get("/.well-known/oauth-authorization-server").send().object().getString("issuer");
            try {
                application = MicroProfileJwtServer.start(http.url("/.well-known/jwks.json"), issuer);
            } catch (Exception | AssertionError e) {
                unavailable = e;
                throw e;
            }
        }
        app = application.http();
        email = uniqueEmail("mpjwt");
        gatehouse.createUser(email, PASSWORD, "Em Pee");
    }

    @AfterAll
    static void stopApplication() {
        if (application != null) {
            application.close();
            application = null;
        }
    }

    // ---------------------------------------------------------------- accepted, name and groups mapped

    @Test
    void aUsersAuthTokenIsAcceptedAsTheUserInGroupUserOnly() {
        String token = emnifyLogin(email, PASSWORD).getString("auth_token");

        Reply caller = call("/caller", token);

        assertEquals(200, caller.status(), caller::toString);
        assertEquals(email, caller.object().getString("name"));
        assertEquals(List.of("user"), groups(caller));
        assertEquals(403, call("/admin", token).status(), "a plain user is not in the admin role");
    }

    @Test
    void anAdminsAuthTokenIsInGroupsUserAndAdmin() {
        String token = emnifyLogin(ADMIN_EMAIL, ADMIN_PASSWORD).getString("auth_token");

        Reply admin = call("/admin", token);

        assertEquals(200, admin.status(), admin::toString);
        assertEquals(ADMIN_EMAIL, admin.object().getString("name"));
        assertEquals(List.of("admin", "user"), groups(admin));
    }

    @Test
    void oauthAccessTokensAreAcceptedForAUserAndForAClient() {
        JsonObject client = newClient("[\"password\",\"client_credentials\"]");
        String userToken = grant(client, Map.of("grant_type", "password", "username", email, "password", PASSWORD))
                .getString("access_token");
        String clientToken = grant(client, Map.of("grant_type", "client_credentials")).getString("access_token");

        Reply user = call("/caller", userToken);
        Reply caller = call("/caller", clientToken);

        assertEquals(200, user.status(), user::toString);
        assertEquals(email, user.object().getString("name"));
        assertEquals(List.of("user"), groups(user));
        assertEquals(200, caller.status(), caller::toString);
        assertEquals(client.getString("client_id"), caller.object().getString("name"), "a client is named by its sub");
        assertEquals(List.of("client"), groups(caller));
        assertEquals(403, call("/admin", clientToken).status());
    }

    // ---------------------------------------------------------------- refused

    @Test
    void aTamperedTokenIsRefused() throws Exception {
        JsonObject login = emnifyLogin(email, PASSWORD);
        SignedJWT genuine = SignedJWT.parse(login.getString("auth_token"));
        assertEquals(200, call("/caller", genuine.serialize()).status(), "the control: the genuine token works");
        JWTClaimsSet promoted = new JWTClaimsSet.Builder(genuine.getJWTClaimsSet())
                .claim("upn", ADMIN_EMAIL).claim("groups", List.of("user", "admin")).build();
        String tampered = genuine.getParsedParts()[0] + "." + b64(promoted.toString()) + "." + genuine.getParsedParts()[2];
        // A refresh token re-typed as an access token under its own signature.
        SignedJWT refresh = SignedJWT.parse(login.getString("refresh_token"));
        String retyped = b64(new JWSHeader.Builder(refresh.getHeader()).type(JOSEObjectType.JWT).build().toString())
                + "." + refresh.getParsedParts()[1] + "." + refresh.getParsedParts()[2];

        assertEquals(401, call("/admin", tampered).status(), "groups and upn of an admin under the user's signature");
        assertEquals(401, call("/caller", tampered).status());
        assertEquals(401, call("/caller", retyped).status(), "a refresh token re-typed JWT");
    }

    @Test
    void aTokenSignedByAForeignKeyIsRefusedUnderAnyKid() throws Exception {
        SignedJWT genuine = SignedJWT.parse(emnifyLogin(email, PASSWORD).getString("auth_token"));
        ECKey attacker = new ECKeyGenerator(Curve.P_256).keyID("attacker-kid").generate();
        String realKid = genuine.getHeader().getKeyID();

        for (JWSHeader header : List.of(
                header().keyID(realKid).build(),
                header().keyID(attacker.getKeyID()).build(),
                header().keyID(realKid).jwk(attacker.toPublicJWK()).build(),
                header().build())) {
            SignedJWT forged = new SignedJWT(header, genuine.getJWTClaimsSet());
            forged.sign(new ECDSASigner(attacker));

            assertEquals(401, call("/caller", forged.serialize()).status(), "signed by a foreign key, " + header);
        }
        assertEquals(200, call("/caller", genuine.serialize()).status(), "the control: the genuine token works");
    }

    @Test
    void refreshTokensAndApplicationTokensAreNoAccessTokens() {
        JsonObject login = emnifyLogin(email, PASSWORD);
        String authToken = login.getString("auth_token");
        Reply created = http.post("/api/v1/application_token").header("Authorization", "Bearer " + authToken)
                .json("{\"description\":\"mp-jwt\"}").send();
        assertEquals(200, created.status(), created::toString);
        String applicationToken = created.object().getString("application_token");
        JsonObject client = newClient("[\"password\",\"refresh_token\"]");
        String oauthRefresh = grant(client, Map.of("grant_type", "password", "username", email, "password", PASSWORD))
                .getString("refresh_token");

        assertEquals(401, call("/caller", login.getString("refresh_token")).status(), "emnify's refresh_token (rt+jwt)");
        assertEquals(401, call("/caller", applicationToken).status(), "an application token");
        assertEquals(401, call("/caller", oauthRefresh).status(), "an OAuth refresh token");
        assertEquals(200, call("/caller", authToken).status(), "the control: the auth_token works");
    }

    @Test
    void anExpiredAccessTokenIsRefused() throws Exception {
        JsonObject client = newClient("[\"client_credentials\"]");
        long ttl = gatehouse.asAdmin(http.get("/api/admin/settings")).send().data()
                .getJsonNumber("accessToken.ttlSeconds").longValue();
        String token;
        assertEquals(200, gatehouse.setSettings("{\"accessToken.ttlSeconds\":60}").status());
        try {
            token = grant(client, Map.of("grant_type", "client_credentials")).getString("access_token");
        } finally {
            assertEquals(200, gatehouse.setSettings("{\"accessToken.ttlSeconds\":" + ttl + "}").status());
        }
        assertEquals(200, call("/caller", token).status(), "the control: valid until it expires");
        Instant expires = SignedJWT.parse(token).getJWTClaimsSet().getExpirationTime().toInstant();

        Thread.sleep(Math.max(0, Duration.between(Instant.now(), expires.plusSeconds(2)).toMillis()));

        assertEquals(401, call("/caller", token).status(), "an access token past its exp");
    }

    // ---------------------------------------------------------------- helpers

    private Reply call(String path, String bearer) {
        return app.get(path).header("Authorization", "Bearer " + bearer).send();
    }

    private static List<String> groups(Reply reply) {
        return reply.object().getJsonArray("groups").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    private JsonObject emnifyLogin(String user, String password) {
        Reply login = http.post("/api/v1/authenticate").json(jakarta.json.Json.createObjectBuilder()
                .add("username", user).add("password", password).build().toString()).send();
        assertEquals(200, login.status(), login::toString);
        return login.object();
    }

    private JsonObject newClient(String grantTypes) {
        Reply created = gatehouse.asAdmin(http.post("/api/admin/clients"))
                .json("{\"name\":\"mp-jwt\",\"grant_types\":" + grantTypes + "}").send();
        assertEquals(201, created.status(), created::toString);
        return created.data();
    }

    private JsonObject grant(JsonObject client, Map<String, String> fields) {
        Reply granted = http.post("/oauth/v2/token").basicAuth(client.getString("client_id"), client.getString("client_secret"))
                .form(fields).send();
        assertEquals(200, granted.status(), granted::toString);
        return granted.object();
    }

    private static JWSHeader.Builder header() {
        return new JWSHeader.Builder(JWSAlgorithm.ES256).type(JOSEObjectType.JWT);
    }

    private static String b64(String json) {
        return Base64URL.encode(json.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
