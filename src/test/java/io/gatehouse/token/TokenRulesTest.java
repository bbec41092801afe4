package io.gatehouse.token;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.gatehouse.config.GatehouseConfig;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The time, issuer, audience and type rules of the verifier, on tokens signed with a real key ring. */
class TokenRulesTest {

    private final ECKey key = generate();
    private final KeyRing ring = KeyRing.of(key, new JWKSet(key.toPublicJWK()));

    private static ECKey generate() {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID("test-kid").generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String token(String type, UnaryOperator<JWTClaimsSet.Builder> change) throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(GatehouseConfig.issuer()).subject("7").audience(TokenIssuer.AUDIENCE)
                .issueTime(Date.from(now)).notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(600))).jwtID("jti-1");
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("test-kid")
                .type(new JOSEObjectType(type)).build(), change.apply(claims).build());
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }

    /** An access token as Gatehouse signs it now: typ JWT, token_use access. */
    private String access(UnaryOperator<JWTClaimsSet.Builder> change) throws Exception {
        return token("JWT", c -> change.apply(c.claim("token_use", "access")));
    }

    private void accepted(String token) {
        accepted(token, TokenType.ACCESS);
    }

    private void refused(String token) {
        refused(token, TokenType.ACCESS);
    }

    private void accepted(String token, TokenType as) {
        assertDoesNotThrow(() -> TokenVerifier.processor(ring, as).process(token, null));
    }

    private void refused(String token, TokenType as) {
        assertThrows(Exception.class, () -> TokenVerifier.processor(ring, as).process(token, null));
    }

    @Test
    void aWellFormedAccessTokenPasses() throws Exception {
        accepted(access(c -> c));
    }

    @Test
    void expiredTokensFailPastTheLeewayButNotWithinIt() throws Exception {
        Instant now = Instant.now();
        accepted(access(c -> c.expirationTime(Date.from(now.minusSeconds(30)))));
        refused(access(c -> c.expirationTime(Date.from(now.minusSeconds(TokenVerifier.LEEWAY_SECONDS + 30)))));
    }

    @Test
    void notYetValidTokensFailPastTheLeeway() throws Exception {
        Instant later = Instant.now().plusSeconds(TokenVerifier.LEEWAY_SECONDS + 120);
        accepted(access(c -> c.notBeforeTime(Date.from(Instant.now().plusSeconds(30)))));
        refused(access(c -> c.notBeforeTime(Date.from(later))));
    }

    @Test
    void aWrongIssuerAudienceOrTypeFails() throws Exception {
        refused(access(c -> c.issuer("https://attacker.example")));
        refused(access(c -> c.audience("someone-else")));
        refused(access(c -> c.jwtID(null)));
    }

    @Test
    void typJwtIsAnAccessTokenOnlyWithTokenUseAccess() throws Exception {
        refused(token("JWT", c -> c));
        refused(token("JWT", c -> c.claim("token_use", "refresh")));
        refused(token("JWT", c -> c.claim("token_use", "id")));
        refused(token("JWT", c -> c.claim("token_use", List.of("access"))));
        refused(token("jwt+access", c -> c.claim("token_use", "access")));
    }

    @Test
    void anIdTokenShapeWithoutTypIsNoAccessTokenEvenClaimingTokenUseAccess() throws Exception {
        for (String token : List.of(untyped(c -> c), untyped(c -> c.claim("token_use", "access")))) {
            refused(token);
            refused(token, TokenType.REFRESH);
        }
    }

    @Test
    void anAccessTokenSignedBeforeTheChangeIsStillAcceptedUntilItExpires() throws Exception {
        accepted(token("at+jwt", c -> c));
        Instant expired = Instant.now().minusSeconds(TokenVerifier.LEEWAY_SECONDS + 30);
        refused(token("at+jwt", c -> c.expirationTime(Date.from(expired))));
        refused(token("at+jwt", c -> c), TokenType.REFRESH);
    }

    @Test
    void refreshAndAccessTokensNeverStandInForEachOther() throws Exception {
        accepted(token("rt+jwt", c -> c), TokenType.REFRESH);
        refused(token("rt+jwt", c -> c));
        refused(token("rt+jwt", c -> c.claim("token_use", "access")));
        refused(token("rt+jwt", c -> c.claim("token_use", "access")), TokenType.REFRESH);
        refused(access(c -> c), TokenType.REFRESH);
    }

    private String untyped(UnaryOperator<JWTClaimsSet.Builder> change) throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(GatehouseConfig.issuer()).subject("7").audience(TokenIssuer.AUDIENCE)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(600))).jwtID("jti-2");
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("test-kid").build(),
                change.apply(claims).build());
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }
}
