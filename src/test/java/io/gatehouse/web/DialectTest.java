package io.gatehouse.web;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DialectTest {

    @Test
    void eachPathFamilySpeaksItsOwnDialect() {
        assertEquals(Dialect.KONEKT, Dialect.of("/api/1/users/me"));
        assertEquals(Dialect.KONEKT, Dialect.of("/api/admin/users"));
        assertEquals(Dialect.KONEKT, Dialect.of(null));
        assertEquals(Dialect.EMNIFY, Dialect.of("/api/v1/authenticate"));
        assertEquals(Dialect.OAUTH, Dialect.of("/otp/send"));
        assertEquals(Dialect.OAUTH, Dialect.of("/oauth/v2/token"));
        assertEquals(Dialect.KONEKT, Dialect.of("/otpx"), "a prefix, not a word");
    }

    @Test
    void oauthErrorsAreRfc6749Shaped() {
        Map<Integer, String> codes = Map.of(400, "invalid_request", 401, "invalid_token", 403, "access_denied",
                415, "invalid_request", 429, "slow_down", 500, "server_error");
        codes.forEach((status, code) -> assertEquals(
                "{\"error\":\"" + code + "\",\"error_description\":\"Why\"}",
                Dialect.OAUTH.body(status, "Why", null, Map.of()).toString(), "status " + status));
        assertEquals("{\"error\":\"invalid_client\",\"error_description\":\"Who\"}",
                Dialect.OAUTH.body(401, "Who", "invalid_client", Map.of()).toString(), "an endpoint's own code wins");
    }
}
