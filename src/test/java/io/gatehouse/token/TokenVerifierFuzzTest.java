package io.gatehouse.token;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Tag;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import io.gatehouse.account.CallerProfile;
import io.gatehouse.account.UserStatus;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The verifier with a real key ring: for any text, {@code Optional.empty()} or one of the tokens this ring
 * signed for that type, unchanged in meaning; never an exception. The fuzzer starts from real tokens
 * (ours, one signed by a stranger under our kid, an expired one) and splices or flips their parts.
 */
@Tag("fuzz")
class TokenVerifierFuzzTest {

    private static final TokenVerifier VERIFIER = new TokenVerifier();
    private static final List<String> SEEDS;
    /** Each token that verifies, by type, with what it must verify to. */
    private static final Map<TokenType, Map<String, VerifiedToken>> VALID;

    static {
        try {
            ECKey key = new ECKeyGenerator(Curve.P_256).keyID("k1").generate();
            ECKey stranger = new ECKeyGenerator(Curve.P_256).keyID("k1").generate();
            SigningKeys ours = ringOf(KeyRing.of(key, new JWKSet(key.toPublicJWK())));
            SigningKeys theirs = ringOf(KeyRing.of(stranger, new JWKSet(stranger.toPublicJWK())));
            VERIFIER.keys = ours;
            VERIFIER.revocations = new AccessTokenRevocations();
            CallerProfile user = new CallerProfile(7, "user@gatehouse.test", "User", "user", 1, UserStatus.ACTIVE, null);
            Instant later = Instant.now().plus(1, ChronoUnit.DAYS);
            String access = issuer(ours).issue(TokenType.ACCESS, user, "c1", "read", "jti-access", later, null);
            String refresh = issuer(ours).issue(TokenType.REFRESH, user, "jti-refresh", later, null);
            String client = issuer(ours).issue(TokenType.ACCESS, null, "c1", "read", "jti-client", later, null);
            String application = issuer(ours).issue(TokenType.ACCESS, user, "jti-app", later, 42L);
            String expired = issuer(ours).issue(TokenType.ACCESS, user, "jti-expired", Instant.now().minus(1, ChronoUnit.DAYS), null);
            String forged = issuer(theirs).issue(TokenType.ACCESS, user, "jti-forged", later, null);
            SEEDS = List.of(access, refresh, client, application, expired, forged, "");
            VALID = Map.of(
                    TokenType.ACCESS, Map.of(access, verified(access, TokenType.ACCESS), client, verified(client, TokenType.ACCESS),
                            application, verified(application, TokenType.ACCESS)),
                    TokenType.REFRESH, Map.of(refresh, verified(refresh, TokenType.REFRESH)));
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static SigningKeys ringOf(KeyRing ring) {
        return new SigningKeys() {
            @Override
            KeyRing ring() {
                return ring;
            }
        };
    }

    private static TokenIssuer issuer(SigningKeys keys) {
        TokenIssuer issuer = new TokenIssuer();
        issuer.keys = keys;
        return issuer;
    }

    private static VerifiedToken verified(String token, TokenType type) {
        VerifiedToken verified = VERIFIER.verify(token, type).orElseThrow(() -> new AssertionError("a token we signed does not verify"));
        assertNotNull(verified.jti());
        return verified;
    }

    @FuzzTest(maxDuration = "10m")
    void verifyWhenAnyTextThenEmptyOrATokenWeSignedForThatType(FuzzedDataProvider data) {
        TokenType type = data.pickValue(TokenType.values());
        String token = mutated(data);
        Optional<VerifiedToken> verified = VERIFIER.verify(token, type);
        if (verified.isEmpty()) {
            return;
        }
        VerifiedToken claims = verified.get();
        assertTrue(VALID.get(type).values().contains(claims),
                "only a token this ring signed for " + type + " verifies, with its own claims: " + claims + " from " + token);
    }

    /** A seed token, cut into its three parts and put together again from parts of any seed, or with a change. */
    private static String mutated(FuzzedDataProvider data) {
        switch (data.consumeInt(0, 3)) {
            case 0:
                return data.consumeRemainingAsString();
            case 1: {
                String[] header = parts(data.pickValue(SEEDS));
                String[] payload = parts(data.pickValue(SEEDS));
                String[] signature = parts(data.pickValue(SEEDS));
                return header[0] + "." + payload[1] + "." + signature[2];
            }
            case 2: {
                StringBuilder token = new StringBuilder(data.pickValue(SEEDS));
                int changes = data.consumeInt(1, 4);
                for (int i = 0; i < changes && token.length() > 0; i++) {
                    token.setCharAt(data.consumeInt(0, token.length() - 1), data.consumeChar());
                }
                return token.toString();
            }
            default: {
                String seed = data.pickValue(SEEDS);
                int at = data.consumeInt(0, seed.length());
                return seed.substring(0, at) + data.consumeRemainingAsString() + seed.substring(at);
            }
        }
    }

    private static String[] parts(String token) {
        String[] parts = token.split("\\.", -1);
        return parts.length == 3 ? parts : new String[] {"", "", ""};
    }
}
