package io.gatehouse.konekt;

import io.gatehouse.security.SessionScheme;
import jakarta.ws.rs.core.NewCookie;

/** The {@code sesskey} cookie: HttpOnly, SameSite=Lax, Secure over HTTPS, for the whole site. */
final class SessionCookie {

    private SessionCookie() {
    }

    /** The cookie carrying a session key, kept until the browser closes. */
    static NewCookie of(String key, boolean secure) {
        return build(key, -1, secure);
    }

    /** The cookie that makes the browser forget its key (logout). */
    static NewCookie cleared(boolean secure) {
        return build("", 0, secure);
    }

    private static NewCookie build(String value, int maxAge, boolean secure) {
        return new NewCookie.Builder(SessionScheme.NAME)
                .value(value)
                .path("/")
                .httpOnly(true)
                .secure(secure)
                .sameSite(NewCookie.SameSite.LAX)
                .maxAge(maxAge)
                .build();
    }
}
