package io.gatehouse.apptoken;

import io.gatehouse.audit.AuditReason;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a live application token admits: its expiry, its range, and a range that cannot be read admits nobody. */
class ApplicationTokenRulesTest {

    private final Instant now = Instant.parse("2030-01-01T12:00:00Z");

    @Test
    void admitWhenNoRangeThenAnyAddress() {
        ApplicationTokenRules rules = ApplicationTokenRules.of(null, null);
        assertNull(rules.refusal("203.0.113.7", now));
        assertNull(rules.refusal("2001:db8::1", now));
    }

    @Test
    void admitWhenRangeThenOnlyAddressesInIt() {
        ApplicationTokenRules rules = ApplicationTokenRules.of(null, "203.0.113.0/24");
        assertTrue(rules.admit("203.0.113.7", now));
        assertEquals(AuditReason.ADDRESS_NOT_ALLOWED, rules.refusal("198.51.100.7", now));
    }

    @Test
    void refusalWhenStoredRangeUnreadableThenEveryAddressIsRefusedNeverUnrestricted() {
        for (String unreadable : new String[]{"", " ", "not-a-range", "10.0.0.0/33", "10.0.0.0/8/8", "example.com",
                "10.0.0.0/", "::1/129", "1.2.3.4 , 5.6.7.8", "\u0000", "203.0.113.0/24x"}) {
            ApplicationTokenRules rules = ApplicationTokenRules.of(null, unreadable);
            assertTrue(rules.rangeUnreadable(), unreadable);
            for (String address : new String[]{"203.0.113.7", "127.0.0.1", "2001:db8::1", "10.1.2.3"}) {
                assertFalse(rules.admit(address, now), unreadable + " admitted " + address);
                assertEquals(AuditReason.UNREADABLE_RANGE, rules.refusal(address, now), unreadable);
            }
        }
    }

    @Test
    void refusalWhenExpiredThenExpiredWhateverTheRange() {
        assertEquals(AuditReason.EXPIRED, ApplicationTokenRules.of(now, null).refusal("203.0.113.7", now));
        assertEquals(AuditReason.EXPIRED, ApplicationTokenRules.of(now.minusSeconds(1), "junk").refusal("203.0.113.7", now));
        assertNull(ApplicationTokenRules.of(now.plusSeconds(1), null).refusal("203.0.113.7", now));
    }
}
