package io.gatehouse.it;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDHEncrypter;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static io.gatehouse.it.Gatehouse.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The classic attacks on JWT verification, made against the real server: every forged, tampered,
 * misplaced or malformed token must get 401 ("Invalid or expired token"), never a 500 and never the
 * user's data. The forged tokens carry the genuine token's claims (right iss, aud, sub, exp, typ),
 * so the only thing standing between them and a 200 is the protection each test is about.
 *
 * <p>/api/v1/authenticate admits 100 requests per address per 5 minutes: this class uses about 25
 * (one password login per test, a few exchanges).
 */
class JwtAttacksIT extends AgainstServer {

    private static final String PASSWORD = "jwt-attacks-pw-2024";
    private static final String REFUSAL = "Invalid or expired token";
    private static final String ISSUER = "http://localhost:8080";
    private static final String ME = "/api/1/users/me";

    String email;
    long userId;
    /** A genuine auth_token of this test's user, its parsed form, and its refresh_token. */
    String token;
    SignedJWT genuine;
    String refresh;

    @BeforeEach
    void userWithTokens() throws Exception {
        email = uniqueEmail("jwt");
        userId = gatehouse.createUser(email, PASSWORD, "Jay Dubbleyou");
        Reply login = authenticate(Map.of("username", email, "password", PASSWORD));
        assertEquals(200, login.status(), login::toString);
        token = login.object().getString("auth_token");
        refresh = login.object().getString("refresh_token");
        genuine = SignedJWT.parse(token);
        // The control for every refusal below: the very same request with the genuine token works.
        assertEquals(200, me(token).status(), "the genuine token must work, or no 401 below means anything");
    }

    // ---------------------------------------------------------------- the baseline

    @Test
    void aGenuineTokenWorksOnTheServerAndNimbusAgreesWithTheJwksSoNoVersionClash() throws Exception {
        Reply me = me(token);

        assertEquals(200, me.status(), me::toString);
        assertEquals(userId, me.data().getJsonNumber("userid").longValue());
        assertEquals(email, me.data().getString("email"));
        // The server signed and verified this with whichever nimbus it loaded (Payara Micro bundles
        // one beside the WAR's: a clash would show as a 500 or 401 above); the test's own nimbus
        // 10.5 verifies it against the published keys only, with the documented rules.
        JWTClaimsSet claims = clientSideProcessor(jwks()).process(token, null);
        assertEquals(String.valueOf(userId), claims.getSubject());
        assertEquals(email, claims.getStringClaim("upn"));
        ECKey key = jwks().getKeyByKeyId(kid()).toECKey();
        assertTrue(SignedJWT.parse(token).verify(new ECDSAVerifier(key)), "the kid's published key verifies it");
    }

    @Test
    void theJwksPublishesOnlyPublicP256KeysEachNamedByKid() {
        Reply reply = http.get("/.well-known/jwks.json").send();

        assertEquals(200, reply.status(), reply::toString);
        JsonArray keys = reply.object().getJsonArray("keys");
        assertFalse(keys.isEmpty());
        for (JsonObject key : keys.getValuesAs(JsonObject.class)) {
            assertEquals("EC", key.getString("kty"), key::toString);
            assertEquals("P-256", key.getString("crv"), key::toString);
            assertFalse(key.getString("kid", "").isBlank(), key::toString);
            // "d" is the private scalar: publishing it would let anyone sign tokens.
            assertFalse(key.containsKey("d"), "a private key member is published: " + key);
        }
        assertTrue(reply.body().contains("\"" + kid() + "\""), "the signing key is published");
    }

    // ---------------------------------------------------------------- algorithm confusion

    @Test
    void algNoneIsRefusedInEveryLetterCaseWithOrWithoutTheOriginalSignature() {
        for (String alg : List.of("none", "None", "NONE", "nOnE")) {
            String header = "{\"alg\":\"" + alg + "\",\"typ\":\"JWT\",\"kid\":\"" + kid() + "\"}";
            String unsigned = b64(header) + "." + payload() + ".";
            String keptSignature = b64(header) + "." + payload() + "." + signature();

            assertRefused(me(unsigned), "alg " + alg + ", no signature");
            assertRefused(me(keptSignature), "alg " + alg + ", the original signature kept");
        }
        // The emnify paths refuse it in their own dialect, through the same verifier.
        String none = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + payload() + ".";
        assertEmnifyUnauthorized(http.get("/api/v1/application_token").header("Authorization", "Bearer " + none).send());
    }

    @Test
    void hs256KeyedWithThePublicKeyInAnyEncodingIsRefused() throws Exception {
        ECKey published = jwks().getKeyByKeyId(kid()).toECKey();
        byte[] der = published.toECPublicKey().getEncoded();
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END PUBLIC KEY-----\n";
        Map<String, byte[]> secrets = Map.of(
                "the public JWK's JSON", published.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8),
                "the JWKS document", http.get("/.well-known/jwks.json").send().body().getBytes(StandardCharsets.UTF_8),
                "the DER SubjectPublicKeyInfo", der,
                "the PEM text", pem.getBytes(StandardCharsets.US_ASCII));

        for (var secret : secrets.entrySet()) {
            SignedJWT hmac = new SignedJWT(accessHeader(JWSAlgorithm.HS256).keyID(kid()).build(), claims());
            hmac.sign(new MACSigner(secret.getValue()));
            assertRefused(me(hmac.serialize()), "HS256 keyed with " + secret.getKey());
        }
    }

    @Test
    void anEs256SignatureOfZerosIsRefused() {
        // CVE-2022-21449 ("psychic signatures"): r = s = 0 verified on some JDKs.
        String zeros = Base64URL.encode(new byte[64]).toString();

        assertRefused(me(b64(genuine.getHeader().toString()) + "." + payload() + "." + zeros), "64 zero bytes");
        assertRefused(me(genuine.getParsedParts()[0] + "." + payload() + "." + zeros), "the original header, 64 zero bytes");
    }

    @Test
    void aTokenEncryptedToThePublishedKeyIsRefused() throws Exception {
        // Anyone can encrypt to a public key; a verifier that took JWEs (ECDH-ES with the
        // signing key) would accept any claims an attacker chose. Gatehouse must take JWS only.
        ECKey published = jwks().getKeyByKeyId(kid()).toECKey();
        EncryptedJWT jwe = new EncryptedJWT(new JWEHeader.Builder(JWEAlgorithm.ECDH_ES_A128KW, EncryptionMethod.A128GCM)
                .keyID(kid()).type(JOSEObjectType.JWT).build(), claims());
        jwe.encrypt(new ECDHEncrypter(published));

        assertRefused(me(jwe.serialize()), "a JWE encrypted to the signing key");
    }

    // ---------------------------------------------------------------- tampering and keys

    @Test
    void aPayloadNamingAnotherUserUnderTheOriginalSignatureIsRefused() throws Exception {
        long victim = gatehouse.createUser(uniqueEmail("jwt-victim"), PASSWORD, "Victim");
        JWTClaimsSet tampered = new JWTClaimsSet.Builder(claims()).subject(String.valueOf(victim)).build();

        Reply reply = me(genuine.getParsedParts()[0] + "." + b64(tampered.toString()) + "." + signature());

        assertRefused(reply, "sub changed to user " + victim);
        assertFalse(reply.body().contains(String.valueOf(victim)), reply::toString);
    }

    @Test
    void anAttackersKeyIsRefusedUnderAnUnknownOrAPathLikeKid() throws Exception {
        ECKey attacker = attackerKey("attacker-kid");

        for (String kid : List.of("attacker-kid", "../../etc/passwd", "/dev/null", "file:///etc/passwd",
                "../../../../../../dev/null", "' OR '1'='1")) {
            assertRefused(me(signed(attacker, accessHeader(JWSAlgorithm.ES256).keyID(kid))), "kid " + kid);
        }
        assertRefused(me(signed(attacker, accessHeader(JWSAlgorithm.ES256))), "no kid at all");
    }

    @Test
    void anAttackersKeyUnderTheRealKidIsRefusedEvenWhenEmbeddedAsJwk() throws Exception {
        ECKey attacker = attackerKey(kid());

        assertRefused(me(signed(attacker, accessHeader(JWSAlgorithm.ES256).keyID(kid()))), "the real kid");
        assertRefused(me(signed(attacker, accessHeader(JWSAlgorithm.ES256).keyID(kid()).jwk(attacker.toPublicJWK()))),
                "the real kid and the attacker's key embedded as jwk");
    }

    @Test
    void jkuX5uAndAnEmbeddedJwkAreNeitherFetchedNorTrusted() throws Exception {
        ECKey attacker = attackerKey("attacker-jku");
        // A real key server on the loopback that would hand out the attacker's key: if Gatehouse
        // followed jku or x5u it would find a key that verifies, so a 401 alone proves something,
        // and the hit counter shows it never even asked.
        AtomicInteger hits = new AtomicInteger();
        byte[] attackerJwks = new JWKSet(attacker.toPublicJWK()).toString(true).getBytes(StandardCharsets.UTF_8);
        HttpServer keyServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        keyServer.createContext("/", exchange -> {
            hits.incrementAndGet();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, attackerJwks.length);
            exchange.getResponseBody().write(attackerJwks);
            exchange.close();
        });
        keyServer.start();
        try {
            URI jku = URI.create("http://127.0.0.1:" + keyServer.getAddress().getPort() + "/jwks.json");
            URI x5u = URI.create("http://127.0.0.1:" + keyServer.getAddress().getPort() + "/cert.pem");

            assertRefused(me(signed(attacker, accessHeader(JWSAlgorithm.ES256).keyID(attacker.getKeyID()).jwkURL(jku))), "jku");
            assertRefused(me(signed(attacker, accessHeader(JWSAlgorithm.ES256).keyID(kid()).jwkURL(jku))), "jku with the real kid");
            assertRefused(me(signed(attacker, accessHeader(JWSAlgorithm.ES256).keyID(attacker.getKeyID()).x509CertURL(x5u))), "x5u");
            assertRefused(me(signed(attacker, accessHeader(JWSAlgorithm.ES256).keyID(attacker.getKeyID())
                    .jwk(attacker.toPublicJWK()))), "an embedded jwk");
            assertRefused(me(signed(attacker, accessHeader(JWSAlgorithm.ES256).jwk(attacker.toPublicJWK()))),
                    "an embedded jwk, no kid");
            Thread.sleep(300);  // a fetch made in the background would have arrived by now
            assertEquals(0, hits.get(), "Gatehouse contacted the URL named in the token header");
        } finally {
            keyServer.stop(0);
        }
    }

    // ---------------------------------------------------------------- time, issuer, audience

    /*
     * An expired or not-yet-valid token can only be meaningful when signed by the real key, which a
     * black-box test cannot do, and waiting out even the shortest lifetime (authToken.ttlMinutes = 1,
     * plus the 60 s leeway) takes over two minutes. So these two check what the server signs; the
     * server's exp/nbf enforcement stays covered by the revocation and tampering tests only in part.
     */

    @Test
    void theAuthTokenLivesTheDocumented240MinutesFromNow() throws Exception {
        JWTClaimsSet claims = claims();
        Instant now = Instant.now();

        Instant iat = claims.getIssueTime().toInstant();
        assertEquals(Duration.ofMinutes(240), Duration.between(iat, claims.getExpirationTime().toInstant()));
        assertTrue(Duration.between(iat, now).abs().getSeconds() <= 60, "issued now: " + iat);
        assertNotNull(claims.getNotBeforeTime());
        assertFalse(claims.getNotBeforeTime().toInstant().isAfter(now.plusSeconds(60)), "valid now, within the leeway");
        assertNotNull(claims.getJWTID());
    }

    @Test
    void theAuthTokenNamesThisIssuerAndTheGatehouseAudienceAndIsTypedAsAnAccessToken() throws Exception {
        JWTClaimsSet claims = claims();

        assertEquals(ISSUER, claims.getIssuer());
        assertEquals(List.of("gatehouse"), claims.getAudience());
        assertEquals("JWT", genuine.getHeader().getType().getType());
        assertEquals("access", claims.getStringClaim("token_use"));
        assertEquals(JWSAlgorithm.ES256, genuine.getHeader().getAlgorithm());
        assertEquals("rt+jwt", SignedJWT.parse(refresh).getHeader().getType().getType());
    }

    // ---------------------------------------------------------------- each token in another's place

    @Test
    void aRefreshTokenIsNotABearerToken() {
        // A refresh token is signed by the same key with the same iss, aud and sub: only its typ
        // (rt+jwt, and no token_use) keeps it from being a 14-day access token.
        assertRefused(me(refresh), "the refresh_token as Bearer");
        assertEmnifyUnauthorized(http.get("/api/v1/application_token").header("Authorization", "Bearer " + refresh).send());
    }

    @Test
    void anAuthTokenIsNeitherARefreshTokenNorAnApplicationToken() {
        assertEmnifyUnauthorized(authenticate(Map.of("refresh_token", token)));
        assertEmnifyUnauthorized(authenticate(Map.of("application_token", token)));
    }

    @Test
    void anApplicationTokenIsNotABearerTokenButItsExchangedAuthTokenIs() {
        String applicationToken = createApplicationToken("not a bearer " + email).getKey();

        assertRefused(me(applicationToken), "the application_token itself as Bearer");
        Reply exchanged = authenticate(Map.of("application_token", applicationToken));
        assertEquals(200, exchanged.status(), exchanged::toString);
        assertEquals(200, me(exchanged.object().getString("auth_token")).status());
    }

    @Test
    void revokingAnApplicationTokenStopsItsAuthTokensAndItsExchange() throws Exception {
        var created = createApplicationToken("revoke me " + email);
        Reply exchanged = authenticate(Map.of("application_token", created.getKey()));
        assertEquals(200, exchanged.status(), exchanged::toString);
        String derived = exchanged.object().getString("auth_token");
        assertEquals(created.getValue(), SignedJWT.parse(derived).getJWTClaimsSet().getLongClaim("app_token"));
        assertEquals(200, me(derived).status());

        Reply revoke = http.patch("/api/v1/application_token/" + created.getValue())
                .header("Authorization", "Bearer " + token).json("{\"status\":{\"id\":1}}").send();
        assertEquals(204, revoke.status(), revoke::toString);

        // The derived token is still correctly signed and unexpired: only the revocation can stop it.
        Reply after = me(derived);
        for (Instant deadline = Instant.now().plusSeconds(5); after.status() == 200 && Instant.now().isBefore(deadline); ) {
            Thread.sleep(200);
            after = me(derived);
        }
        assertRefused(after, "an auth_token of a revoked application token");
        assertEmnifyUnauthorized(authenticate(Map.of("application_token", created.getKey())));
        assertEquals(200, me(token).status(), "the user's own token is untouched");
    }

    // ---------------------------------------------------------------- malformed input

    @Test
    void anOversizedTokenIsRefusedQuicklyWithoutA500() {
        String huge = "A".repeat(100 * 1024);
        Instant start = Instant.now();

        int status;
        try {
            Reply reply = me(huge);
            status = reply.status();
            if (status == 401) {
                assertRefused(reply, "a 100 KB Bearer token");
            }
        } catch (UncheckedIOException e) {
            throw new AssertionError("the server dropped the connection instead of answering", e);
        }

        assertTrue(status >= 400 && status < 500, "a 4xx for 100 KB after Bearer, got " + status);
        assertFaster(start, "a 100 KB Bearer token");
        assertEquals(200, me(token).status(), "the server is still well");
    }

    @Test
    void deeplyNestedJsonInTheHeaderOrPayloadIsRefusedQuicklyWithoutA500() {
        // 5000 levels make a header of about 13 KB, which the container itself refuses (400 today);
        // the 1300- and 1400-level ones stay under 4 KB, so they pass any header or token-length
        // limit and reach the JSON parser, under the genuine header so that the verifier reads on.
        String deep = "[".repeat(5000) + "]".repeat(5000);
        String fakeSignature = signature();
        String deepInClaims = "{\"sub\":\"" + userId + "\",\"x\":" + "[".repeat(1400) + "]".repeat(1400) + "}";

        Map<String, String> tokens = Map.of(
                "a header of 5000 nested arrays", b64(deep) + "." + payload() + "." + fakeSignature,
                "a payload of 5000 nested arrays", genuine.getParsedParts()[0] + "." + b64(deep) + "." + fakeSignature,
                "a claim of 1400 nested arrays", genuine.getParsedParts()[0] + "." + b64(deepInClaims) + "." + fakeSignature,
                "a header with 1300 nested arrays", b64("{\"alg\":\"ES256\",\"typ\":\"JWT\",\"x\":"
                        + "[".repeat(1300) + "]".repeat(1300) + "}") + "." + payload() + "." + fakeSignature);
        for (var attack : tokens.entrySet()) {
            boolean huge = attack.getKey().contains("5000");
            assertTrue(huge || attack.getValue().length() < 4096, attack.getKey() + " must stay small enough to be parsed");
            Instant start = Instant.now();
            Reply reply = me(attack.getValue());
            if (!huge || reply.status() == 401) {
                assertRefused(reply, attack.getKey());
            } else {
                assertTrue(reply.status() >= 400 && reply.status() < 500, attack.getKey() + ": " + reply);
            }
            assertFaster(start, attack.getKey());
        }
        assertEquals(200, me(token).status(), "the server is still well");
    }

    // ---------------------------------------------------------------- key rotation

    @Test
    void afterAKeyRotationOldTokensStillWorkAndNewOnesCarryTheNewKid() throws Exception {
        String oldKid = kid();

        Reply rotated = gatehouse.asAdmin(http.post("/api/admin/signing-keys/rotate")).send();

        assertEquals(200, rotated.status(), rotated::toString);
        String newKid = rotated.data().getString("kid");
        assertNotEquals(oldKid, newKid);
        JWKSet published = jwks();
        assertNotNull(published.getKeyByKeyId(newKid), "the new key is published");
        assertNotNull(published.getKeyByKeyId(oldKid), "the old key stays published while its tokens live");
        assertEquals(200, me(token).status(), "a token of the old key still works");

        Reply fresh = authenticate(Map.of("username", email, "password", PASSWORD));
        String freshToken = fresh.object().getString("auth_token");
        assertEquals(newKid, SignedJWT.parse(freshToken).getHeader().getKeyID());
        assertEquals(newKid, SignedJWT.parse(fresh.object().getString("refresh_token")).getHeader().getKeyID());
        Reply me = me(freshToken);
        assertEquals(200, me.status(), me::toString);
        assertEquals(userId, me.data().getJsonNumber("userid").longValue());
        clientSideProcessor(published).process(freshToken, null);
    }

    // ---------------------------------------------------------------- helpers

    private Reply me(String bearer) {
        return http.get(ME).header("Authorization", "Bearer " + bearer).send();
    }

    private Reply authenticate(Map<String, String> fields) {
        var body = jakarta.json.Json.createObjectBuilder();
        fields.forEach(body::add);
        return http.post("/api/v1/authenticate").json(body.build().toString()).send();
    }

    /** A new application token of this test's user: its value and its id. */
    private Map.Entry<String, Long> createApplicationToken(String description) {
        String body = jakarta.json.Json.createObjectBuilder().add("description", description).build().toString();
        Reply created = http.post("/api/v1/application_token").header("Authorization", "Bearer " + token).json(body).send();
        assertEquals(200, created.status(), created::toString);
        JsonArray list = http.get("/api/v1/application_token").header("Authorization", "Bearer " + token).send()
                .json().asJsonArray();
        long id = list.getValuesAs(JsonObject.class).stream()
                .filter(t -> description.equals(t.getString("description", null)))
                .findFirst().orElseThrow(() -> new AssertionError("not listed: " + list))
                .getJsonNumber("id").longValue();
        return Map.entry(created.object().getString("application_token"), id);
    }

    /** 401 in the Konekt envelope with the Bearer scheme's own message: the token was read and refused. */
    private static void assertRefused(Reply reply, String attack) {
        assertEquals(401, reply.status(), () -> attack + ": " + reply);
        assertEquals(REFUSAL, reply.error(), () -> attack + ": " + reply);
    }

    private static void assertEmnifyUnauthorized(Reply reply) {
        assertEquals(401, reply.status(), reply::toString);
        JsonObject body = reply.object();
        assertEquals(401, body.getInt("error_code"), reply::toString);
        assertEquals("Unauthorized", body.getString("error_token"), reply::toString);
    }

    private static void assertFaster(Instant start, String attack) {
        Duration took = Duration.between(start, Instant.now());
        assertTrue(took.compareTo(Duration.ofSeconds(2)) < 0, attack + " took " + took);
    }

    private JWKSet jwks() {
        try {
            return JWKSet.parse(http.get("/.well-known/jwks.json").send().body());
        } catch (java.text.ParseException e) {
            throw new AssertionError("The JWKS does not parse", e);
        }
    }

    /** What a relying party configures: ES256 from the JWKS only, typ JWT and token_use access, this issuer and audience. */
    private static DefaultJWTProcessor<SecurityContext> clientSideProcessor(JWKSet keys) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, new ImmutableJWKSet<>(keys)));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>("gatehouse",
                new JWTClaimsSet.Builder().issuer(ISSUER).claim("token_use", "access").build(),
                Set.of("sub", "exp", "iat", "jti")));
        return processor;
    }

    private String kid() {
        return genuine.getHeader().getKeyID();
    }

    /** The genuine token's claims: valid right now for this user, so only the forgery can fail. */
    private JWTClaimsSet claims() {
        try {
            return genuine.getJWTClaimsSet();
        } catch (java.text.ParseException e) {
            throw new AssertionError(e);
        }
    }

    private String payload() {
        return genuine.getParsedParts()[1].toString();
    }

    private String signature() {
        return genuine.getParsedParts()[2].toString();
    }

    private static JWSHeader.Builder accessHeader(JWSAlgorithm alg) {
        return new JWSHeader.Builder(alg).type(JOSEObjectType.JWT);
    }

    private static ECKey attackerKey(String kid) throws JOSEException {
        return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
    }

    /** The genuine claims under the given header, signed with the attacker's key. */
    private String signed(ECKey key, JWSHeader.Builder header) throws JOSEException {
        SignedJWT jwt = new SignedJWT(header.build(), claims());
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }

    private static String b64(String json) {
        return Base64URL.encode(json.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
