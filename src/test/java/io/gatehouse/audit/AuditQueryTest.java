package io.gatehouse.audit;

import io.gatehouse.web.ApiException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuditQueryTest {

    private static AuditQuery parse(Map<String, String> parameters) {
        return AuditQuery.parse(parameters::get);
    }

    private static void assertRefusedNaming(String parameter, Map<String, String> parameters) {
        ApiException refused = assertThrows(ApiException.class, () -> parse(parameters));
        assertEquals(400, refused.status());
        assertTrue(refused.getMessage().startsWith(parameter), refused.getMessage());
    }

    @Test
    void parseWhenNothingIsGivenThenEverythingMatchesAndTheFirstPageIsOneHundred() {
        AuditQuery query = parse(Map.of());

        assertNull(query.userId());
        assertNull(query.scheme());
        assertNull(query.from());
        assertEquals(0, query.first());
        assertEquals(100, query.max());
    }

    @Test
    void parseReadsEveryFilter() {
        AuditQuery query = parse(Map.of("userid", "42", "username", " Bob@Example.com ", "scheme", "session_login",
                "outcome", "failure", "address", "127.0.0.1", "from", "2030-01-01T00:00:00Z",
                "to", "2030-01-02T00:00:00+01:00", "first", "10", "max", "500"));

        assertEquals(42L, query.userId());
        assertEquals("Bob@Example.com", query.username());
        assertEquals(AuditScheme.SESSION_LOGIN, query.scheme());
        assertEquals(AuditEvent.Outcome.FAILURE, query.outcome());
        assertEquals("127.0.0.1", query.address());
        assertEquals(Instant.parse("2030-01-01T00:00:00Z"), query.from());
        assertEquals(Instant.parse("2030-01-01T23:00:00Z"), query.to());
        assertEquals(10, query.first());
        assertEquals(500, query.max());
    }

    @Test
    void parseWhenAValueIsBadThenRefusesNamingTheParameter() {
        assertRefusedNaming("userid", Map.of("userid", "abc"));
        assertRefusedNaming("userid", Map.of("userid", "0"));
        assertRefusedNaming("scheme", Map.of("scheme", "password"));
        assertRefusedNaming("outcome", Map.of("outcome", "maybe"));
        assertRefusedNaming("from", Map.of("from", "yesterday"));
        assertRefusedNaming("to", Map.of("to", "2030-13-01T00:00:00Z"));
        assertRefusedNaming("from", Map.of("from", "2030-01-02T00:00:00Z", "to", "2030-01-01T00:00:00Z"));
        assertRefusedNaming("first", Map.of("first", "-1"));
        assertRefusedNaming("max", Map.of("max", "501"));
        assertRefusedNaming("max", Map.of("max", "0"));
        assertRefusedNaming("username", Map.of("username", " "));
    }
}
