package io.gatehouse.security;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class OriginsTest {

    @Test
    void anOriginIsSchemeHostAndPortInLowerCaseWithoutTheDefaultPort() {
        assertEquals("https://portal.example", Origins.of("HTTPS://Portal.Example:443"));
        assertEquals("http://portal.example", Origins.of("http://portal.example:80/"));
        assertEquals("http://127.0.0.1:8080", Origins.of("http://127.0.0.1:8080"));
        assertEquals("https://portal.example:8443", Origins.of("https://portal.example:8443/a/b?c=d#e"));
    }

    @Test
    void aRequestsOwnOriginComesFromItsSchemeAndHostHeader() {
        assertEquals("http://127.0.0.1:8080", Origins.of("http", "127.0.0.1:8080"));
        assertEquals("https://portal.example", Origins.of("https", "portal.example"));
        assertEquals("http://[::1]:8080", Origins.of("http", "[::1]:8080"));
        assertNull(Origins.of("http", null));
    }

    @Test
    void whatNamesNoWebOriginIsNull() {
        assertNull(Origins.of("null"), "an opaque origin (sandboxed frame, privacy-hidden)");
        assertNull(Origins.of(null));
        assertNull(Origins.of(""));
        assertNull(Origins.of("file:///etc/passwd"));
        assertNull(Origins.of("/relative/path"));
        assertNull(Origins.of("::not a url::"));
        assertNull(Origins.of("javascript:alert(1)"));
        assertNull(Origins.of("http://" + "a".repeat(3000)));
    }
}
