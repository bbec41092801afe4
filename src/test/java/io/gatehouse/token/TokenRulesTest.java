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

    private void accepted(String token) {
        assertDoesNotThrow(() -> TokenVerifier.processor(ring, TokenType.ACCESS).process(token, null));
    }

    private void refused(String token) {
        assertThrows(Exception.class, () -> TokenVerifier.processor(ring, TokenType.ACCESS).process(token, null));
    }

    @Test
    void aWellFormedAccessTokenPasses() throws Exception {
        accepted(token("at+jwt", c -> c));
    }

    @Test
    void expiredTokensFailPastTheLeewayButNotWithinIt() throws Exception {
        Instant now = Instant.now();
        accepted(token("at+jwt", c -> c.expirationTime(Date.from(now.minusSeconds(30)))));
        refused(token("at+jwt", c -> c.expirationTime(Date.from(now.minusSeconds(TokenVerifier.LEEWAY_SECONDS + 30)))));
    }

    @Test
    void notYetValidTokensFailPastTheLeeway() throws Exception {
        Instant later = Instant.now().plusSeconds(TokenVerifier.LEEWAY_SECONDS + 120);
        accepted(token("at+jwt", c -> c.notBeforeTime(Date.from(Instant.now().plusSeconds(30)))));
        refused(token("at+jwt", c -> c.notBeforeTime(Date.from(later))));
    }

    @Test
    void aWrongIssuerAudienceOrTypeFails() throws Exception {
        refused(token("at+jwt", c -> c.issuer("https://attacker.example")));
        refused(token("at+jwt", c -> c.audience("someone-else")));
        refused(token("rt+jwt", c -> c));
        refused(token("JWT", c -> c));
        refused(token("at+jwt", c -> c.jwtID(null)));
    }
}
