package io.gatehouse.konekt;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionCookieTest {

    @Test
    void isSecureWhenThePublicUrlIsHttpsThenEvenAPlainHttpRequestGetsASecureCookie() {
        // TLS ended at the proxy: the request itself arrived over plain HTTP.
        assertTrue(SessionCookie.isSecure(false, SessionCookie.isHttps("https://login.example.com")));
        assertTrue(SessionCookie.isSecure(false, SessionCookie.isHttps("HTTPS://login.example.com:8443/base")));
    }

    @Test
    void isSecureWhenTheRequestCameOverHttpsThenSecureWhateverThePublicUrl() {
        assertTrue(SessionCookie.isSecure(true, SessionCookie.isHttps("http://localhost:8080")));
    }

    @Test
    void isSecureWhenNeitherIsHttpsThenNotSecureSoThatPlainLocalhostWorks() {
        assertFalse(SessionCookie.isSecure(false, SessionCookie.isHttps("http://localhost:8080")));
        assertFalse(SessionCookie.isHttps("http://https.example.com"));
    }
}
