package io.gatehouse.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.gatehouse.account.CallerProfile;
import io.gatehouse.config.GatehouseConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Signs tokens with the active key. Claims: iss, sub, aud, exp, iat, nbf, jti; access tokens add
 * token_use, upn and groups, so a MicroProfile JWT application accepts them with only the JWKS
 * address and the issuer (see {@link TokenType} for why they are typed JWT).
 */
@ApplicationScoped
public class TokenIssuer {

    public static final String AUDIENCE = "gatehouse";
    static final String APPLICATION_TOKEN_CLAIM = "app_token";
    static final String CLIENT_ID_CLAIM = "client_id";
    static final String SCOPE_CLAIM = "scope";

    @Inject
    SigningKeys keys;

    public String issue(TokenType type, CallerProfile user, String jti, Instant expiresAt, Long applicationTokenId) {
        return issue(type, user, null, null, jti, expiresAt, applicationTokenId);
    }

    /**
     * @param user     the user, or null for a client_credentials token, whose subject is the client
     * @param clientId the OAuth client the token was issued to, if any
     * @param scope    the granted scope, space-separated, if any
     */
    public String issue(TokenType type, CallerProfile user, String clientId, String scope, String jti,
                        Instant expiresAt, Long applicationTokenId) {
        KeyRing ring = keys.ring();
        Instant now = IssueTime.now(user == null ? null : user.credentialsNotBefore());
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(GatehouseConfig.issuer())
                .subject(user != null ? String.valueOf(user.userId()) : clientId)
                .audience(AUDIENCE)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(expiresAt))
                .jwtID(jti);
        if (type.use != null) {
            claims.claim(TokenType.USE_CLAIM, type.use);
        }
        // upn and groups are what an MP-JWT application reads: a refresh token has no use for them.
        if (type == TokenType.ACCESS && user != null) {
            // A token issued to a client is admin only with the admin scope, for other resource servers as here.
            boolean admin = user.isAdmin() && (clientId == null || Scope.ADMIN.isIn(scope));
            claims.claim("upn", user.email())
                    .claim("groups", admin ? List.of("user", "admin") : List.of("user"));
        } else if (type == TokenType.ACCESS) {
            claims.claim("groups", List.of("client"));
        }
        if (clientId != null) {
            claims.claim(CLIENT_ID_CLAIM, clientId);
        }
        if (scope != null) {
            claims.claim(SCOPE_CLAIM, scope);
        }
        if (applicationTokenId != null) {
            claims.claim(APPLICATION_TOKEN_CLAIM, applicationTokenId);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(SigningKeys.ALGORITHM)
                .keyID(ring.active().getKeyID())
                .type(type.header)
                .build(), claims.build());
        try {
            jwt.sign(ring.signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("Signing failed", e);
        }
        return jwt.serialize();
    }

    public static String newJti() {
        return UUID.randomUUID().toString();
    }
}
