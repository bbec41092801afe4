package io.gatehouse.token;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jwt.JWTClaimsSet;

import java.text.ParseException;
import java.util.Objects;
import java.util.Set;

/**
 * What a token is for, carried in its JOSE {@code typ} header (and an access token's
 * {@value #USE_CLAIM} claim) and checked on every use, so that no token stands in for another.
 *
 * <p>Access tokens are typed {@code JWT}, not RFC 9068's {@code at+jwt}: MicroProfile JWT requires
 * {@code JWT}, and Payara's only way around it (the vendor property
 * {@code disable.type.verification}) would make it take every token we sign, refresh tokens too.
 * As {@code JWT} says nothing about purpose, access tokens also carry {@code token_use: access},
 * which our verifier requires. Every other token we sign must keep a {@code typ} other than
 * {@code JWT}, which MP-JWT refuses, and never carry {@code token_use: access}: refresh tokens are
 * {@code rt+jwt}; an OpenID Connect ID token (to come) goes without {@code typ}, which OIDC
 * clients accept and MP-JWT does not. Access tokens signed before (typed {@code at+jwt}, without
 * the claim) stay valid until they expire: {@code at+jwt} never meant anything else.
 */
public enum TokenType {
    /** emnify's auth_token and OAuth's access_token: the Bearer credential. */
    ACCESS(JOSEObjectType.JWT, "access"),
    /** emnify's refresh_token: exchanged for an access token, never accepted as Bearer. */
    REFRESH(new JOSEObjectType("rt+jwt"), null);

    static final String USE_CLAIM = "token_use";
    /**
     * The header of access tokens signed before they were typed {@code JWT}; its acceptance can go
     * once every node has signed {@code JWT} for longer than the longest access-token lifetime.
     */
    static final JOSEObjectType EARLIER_ACCESS = new JOSEObjectType("at+jwt");

    final JOSEObjectType header;
    /** The {@value #USE_CLAIM} claim this type carries, or null for none. */
    final String use;

    TokenType(JOSEObjectType header, String use) {
        this.header = header;
        this.use = use;
    }

    /** The headers the verifier lets through to the signature check. */
    Set<JOSEObjectType> acceptedHeaders() {
        return this == ACCESS ? Set.of(header, EARLIER_ACCESS) : Set.of(header);
    }

    /** Whether a token, its signature and times already verified, is of this type. */
    boolean matches(JOSEObjectType typ, JWTClaimsSet claims) throws ParseException {
        if (EARLIER_ACCESS.equals(typ)) {
            return this == ACCESS;
        }
        return header.equals(typ) && Objects.equals(use, claims.getStringClaim(USE_CLAIM));
    }
}
