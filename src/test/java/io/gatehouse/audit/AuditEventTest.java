package io.gatehouse.audit;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class AuditEventTest {

    @Test
    void failureWhenTheTriedNameIsHugeThenItIsCut() {
        AuditEvent event = AuditEvent.failure(AuditScheme.SESSION_LOGIN, AuditReason.UNKNOWN_USER, null,
                "x".repeat(10_000), "127.0.0.1");

        assertEquals(AuditEvent.MAX_USERNAME, event.username().length());
    }

    @Test
    void adminActionNamesTheActingAdminInTheReason() {
        AuditEvent event = AuditEvent.adminAction(AuditScheme.ADMIN_LOCK, 7, "bob@example.com", 1L, "10.0.0.1");

        assertEquals(AuditEvent.Outcome.SUCCESS, event.outcome());
        assertEquals("by userid 1", event.reason());
        assertEquals(7L, event.userId());
        assertNull(AuditEvent.adminAction(AuditScheme.ADMIN_LOCK, 7, "bob@example.com", null, null).reason());
    }

    @Test
    void schemesAreWrittenLowerCaseAndReadBack() {
        for (AuditScheme scheme : AuditScheme.values()) {
            assertEquals(scheme, AuditScheme.fromWireName(scheme.wireName()).orElseThrow());
        }
        assertEquals("application_token_exchange", AuditScheme.APPLICATION_TOKEN_EXCHANGE.wireName());
    }
}
