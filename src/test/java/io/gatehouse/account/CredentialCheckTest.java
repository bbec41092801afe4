package io.gatehouse.account;

import io.gatehouse.audit.AuditReason;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The one decision "is this credential still good", on profiles as the cache holds them. */
class CredentialCheckTest {

    private static final Instant REVOKED_AT = Instant.parse("2026-12-08T10:00:00.700Z");

    private static CallerProfile user(UserStatus status, Instant notBefore) {
        return new CallerProfile(7, "a@example.com", "A", "", 1, status, notBefore);
    }

    @Test
    void aCredentialIssuedBeforeTheRevocationWhenTheUserIsActiveThenRefusedAsRevoked() {
        assertEquals(AuditReason.REVOKED, CredentialCheck.refusal(user(UserStatus.ACTIVE, REVOKED_AT),
                REVOKED_AT.minusNanos(1000)));
        assertEquals(AuditReason.REVOKED, CredentialCheck.refusal(user(UserStatus.ACTIVE, REVOKED_AT),
                Instant.parse("2026-12-08T10:00:00Z")), "a JWT's iat of the same second, issued before it");
    }

    @Test
    void aCredentialIssuedAtOrAfterTheRevocationThenGood() {
        assertNull(CredentialCheck.refusal(user(UserStatus.ACTIVE, REVOKED_AT), REVOKED_AT));
        assertNull(CredentialCheck.refusal(user(UserStatus.ACTIVE, REVOKED_AT), Instant.parse("2026-12-08T10:00:01Z")));
    }

    @Test
    void aUserNeverRevokedThenEveryCredentialGood() {
        assertNull(CredentialCheck.refusal(user(UserStatus.ACTIVE, null), Instant.EPOCH));
    }

    @Test
    void aStandingCredentialOrAPasswordWhenTheUserIsActiveThenGoodWhateverWasRevoked() {
        assertNull(CredentialCheck.refusal(user(UserStatus.ACTIVE, REVOKED_AT), null));
    }

    @Test
    void anyCredentialWhenTheUserIsLockedDisabledOrGoneThenRefused() {
        Instant after = REVOKED_AT.plusSeconds(60);
        assertEquals(AuditReason.USER_LOCKED, CredentialCheck.refusal(user(UserStatus.LOCKED, REVOKED_AT), after));
        assertEquals(AuditReason.USER_LOCKED, CredentialCheck.refusal(user(UserStatus.LOCKED, REVOKED_AT), null));
        assertEquals(AuditReason.USER_DISABLED, CredentialCheck.refusal(user(UserStatus.DISABLED, null), null));
        assertEquals(AuditReason.UNKNOWN_USER, CredentialCheck.refusal(null, after));
    }
}
