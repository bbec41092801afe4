package io.gatehouse.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.gatehouse.config.GatehouseConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies our tokens with nimbus-jose-jwt's standard processor: ES256 only (so "none" and HMAC
 * tokens fail), keys only from our own key ring by {@code kid} (a {@code jku}, {@code x5u} or
 * embedded {@code jwk} is never fetched or trusted), the expected type ({@link TokenType}), issuer and
 * audience, and time claims with {@value #LEEWAY_SECONDS} s of leeway. Verified access tokens are
 * remembered until they expire, so a repeated Bearer costs a map look-up, not a signature check.
 */
@ApplicationScoped
public class TokenVerifier {

    public static final int LEEWAY_SECONDS = 60;
    /** Longer than any token we sign: refused before any parsing. */
    public static final int MAX_TOKEN_LENGTH = 4096;
    private static final int MAX_REMEMBERED = 20_000;

    @Inject
    SigningKeys keys;

    @Inject
    AccessTokenRevocations revocations;

    private volatile Processors processors;
    private final Map<String, VerifiedToken> remembered = new ConcurrentHashMap<>();

    private record Processors(KeyRing ring, DefaultJWTProcessor<SecurityContext> access,
                              DefaultJWTProcessor<SecurityContext> refresh) {
    }

    /** The token's claims if it is a valid token of that type; empty for anything else. */
    public Optional<VerifiedToken> verify(String token, TokenType type) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        if (type == TokenType.ACCESS) {
            VerifiedToken known = remembered.get(token);
            if (known != null) {
                return known.expiresAtMillis() + LEEWAY_SECONDS * 1000L > System.currentTimeMillis()
                        && !revocations.isRevoked(known.jti()) ? Optional.of(known) : Optional.empty();
            }
        }
        Processors current = processors();
        try {
            JWTClaimsSet claims = (type == TokenType.ACCESS ? current.access() : current.refresh()).process(token, null);
            String clientId = claims.getStringClaim(TokenIssuer.CLIENT_ID_CLAIM);
            // A user's subject is the numeric userid; a client_credentials token's is the client id.
            boolean clientOnly = clientId != null && clientId.equals(claims.getSubject());
            VerifiedToken verified = new VerifiedToken(clientOnly ? null : Long.valueOf(claims.getSubject()), clientId,
                    claims.getStringClaim(TokenIssuer.SCOPE_CLAIM), claims.getJWTID(),
                    claims.getExpirationTime().getTime(), claims.getLongClaim(TokenIssuer.APPLICATION_TOKEN_CLAIM),
                    claims.getIssueTime().toInstant());
            if (type == TokenType.ACCESS) {
                if (revocations.isRevoked(verified.jti())) {
                    return Optional.empty();
                }
                if (remembered.size() >= MAX_REMEMBERED) {
                    long now = System.currentTimeMillis();
                    remembered.values().removeIf(t -> t.expiresAtMillis() < now);
                    if (remembered.size() >= MAX_REMEMBERED) {
                        remembered.clear();  // bounded memory before speed: all verify again once
                    }
                }
                remembered.put(token, verified);
            }
            return Optional.of(verified);
        } catch (ParseException | BadJOSEException | JOSEException | RuntimeException | StackOverflowError e) {
            // Malformed, forged, expired, of another type or for another audience: all the same to the caller.
            return Optional.empty();
        }
    }

    /** Stops an access token before its expiry, on every node. */
    public void revokeAccessToken(VerifiedToken token) {
        revocations.revoke(token);
    }

    void onRotated(@Observes(during = TransactionPhase.AFTER_SUCCESS) SigningKeys.Rotated event) {
        processors = null;
    }

    private Processors processors() {
        Processors current = processors;
        KeyRing ring = keys.ring();
        if (current == null || current.ring() != ring) {
            current = new Processors(ring, processor(ring, TokenType.ACCESS), processor(ring, TokenType.REFRESH));
            processors = current;
        }
        return current;
    }

    static DefaultJWTProcessor<SecurityContext> processor(KeyRing ring, TokenType type) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>() {
            @Override
            public JWTClaimsSet process(SignedJWT jwt, SecurityContext context) throws BadJOSEException, JOSEException {
                JWTClaimsSet claims = super.process(jwt, context);
                try {
                    // typ JWT alone does not say access token: its token_use claim must (TokenType).
                    if (type.matches(jwt.getHeader().getType(), claims)) {
                        return claims;
                    }
                } catch (ParseException e) {
                    // a token_use that is not a string: not ours
                }
                throw new BadJWTException("Not a token of type " + type);
            }
        };
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(type.acceptedHeaders()));
        DefaultJWSVerifierFactory verifiers = new DefaultJWSVerifierFactory();
        verifiers.getJCAContext().setProvider(EcdsaProvider.INSTANCE);
        processor.setJWSVerifierFactory(verifiers);
        // ES256 only, and only a key of our own ring by its kid: an embedded jwk, jku or x5u is never looked at.
        processor.setJWSKeySelector((header, context) -> SigningKeys.ALGORITHM.equals(header.getAlgorithm())
                ? ring.verificationKey(header.getKeyID()).map(List::of).orElse(List.of())
                : List.of());
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(TokenIssuer.AUDIENCE,
                new JWTClaimsSet.Builder().issuer(GatehouseConfig.issuer()).build(),
                Set.of("sub", "exp", "iat", "jti"));
        claims.setMaxClockSkew(LEEWAY_SECONDS);
        processor.setJWTClaimsSetVerifier(claims);
        return processor;
    }
}
