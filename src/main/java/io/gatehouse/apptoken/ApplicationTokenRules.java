package io.gatehouse.apptoken;

import io.gatehouse.audit.AuditReason;
import io.gatehouse.net.IpRange;

import java.time.Instant;

/**
 * What a live application token (and every auth_token derived from it) must satisfy: its expiry
 * and its address range. A stored range that cannot be read admits nobody: a damaged or
 * hand-edited row must never turn a restricted token into an unrestricted one.
 */
record ApplicationTokenRules(Instant expiry, IpRange range, boolean rangeUnreadable) {

    static ApplicationTokenRules of(Instant expiry, String storedRange) {
        if (storedRange == null) {
            return new ApplicationTokenRules(expiry, null, false);
        }
        IpRange range;
        try {
            range = IpRange.parse(storedRange).orElse(null);
        } catch (RuntimeException unreadable) {
            range = null;  // whatever the row holds, it is not a range we can check
        }
        return new ApplicationTokenRules(expiry, range, range == null);
    }

    /** Null when the token may be used now from that address, else why not (an {@link AuditReason}). */
    String refusal(String address, Instant now) {
        if (expiry != null && !now.isBefore(expiry)) {
            return AuditReason.EXPIRED;
        }
        if (rangeUnreadable) {
            return AuditReason.UNREADABLE_RANGE;
        }
        return range == null || range.contains(address) ? null : AuditReason.ADDRESS_NOT_ALLOWED;
    }

    boolean admit(String address, Instant now) {
        return refusal(address, now) == null;
    }
}
