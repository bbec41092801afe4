package io.gatehouse.konekt;

import io.gatehouse.config.GatehouseConfig;
import io.gatehouse.security.SessionScheme;
import jakarta.ws.rs.core.NewCookie;

import java.util.Locale;

/**
 * The {@code sesskey} cookie: HttpOnly, SameSite=Lax, for the whole site, and Secure over HTTPS:
 * when the request came over HTTPS, and whenever the public URL ({@code GATEHOUSE_ISSUER}) is
 * https, since TLS usually ends at a proxy and the request reaches Gatehouse over plain HTTP.
 */
final class SessionCookie {

    private static final boolean PUBLIC_URL_IS_HTTPS = isHttps(GatehouseConfig.issuer());

    private SessionCookie() {
    }

    /** The cookie carrying a session key, kept until the browser closes. */
    static NewCookie of(String key, boolean overHttps) {
        return build(key, -1, overHttps);
    }

    /** The cookie that makes the browser forget its key (logout). */
    static NewCookie cleared(boolean overHttps) {
        return build("", 0, overHttps);
    }

    /** Whether the cookie is Secure, for a request that came over HTTPS or not and the public URL. */
    static boolean isSecure(boolean overHttps, boolean publicUrlIsHttps) {
        return overHttps || publicUrlIsHttps;
    }

    static boolean isHttps(String url) {
        return url.toLowerCase(Locale.ROOT).startsWith("https://");
    }

    private static NewCookie build(String value, int maxAge, boolean overHttps) {
        return new NewCookie.Builder(SessionScheme.NAME)
                .value(value)
                .path("/")
                .httpOnly(true)
                .secure(isSecure(overHttps, PUBLIC_URL_IS_HTTPS))
                .sameSite(NewCookie.SameSite.LAX)
                .maxAge(maxAge)
                .build();
    }
}
