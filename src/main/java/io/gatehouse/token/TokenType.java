package io.gatehouse.token;

import com.nimbusds.jose.JOSEObjectType;

/** What a token is for, carried in its JOSE {@code typ} header and checked on every use. */
public enum TokenType {
    /** emnify's auth_token and OAuth's access_token: the Bearer credential (RFC 9068). */
    ACCESS(new JOSEObjectType("at+jwt")),
    /** emnify's refresh_token: exchanged for an access token, never accepted as Bearer. */
    REFRESH(new JOSEObjectType("rt+jwt"));

    final JOSEObjectType header;

    TokenType(JOSEObjectType header) {
        this.header = header;
    }
}
