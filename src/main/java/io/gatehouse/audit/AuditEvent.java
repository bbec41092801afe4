package io.gatehouse.audit;

import java.time.Instant;

/**
 * One authentication outcome: who (the user id when known, and the e-mail or user name tried),
 * how, success or failure and why, from where, when. Never a password, key or token.
 */
public record AuditEvent(Instant time, Long userId, String username, AuditScheme scheme, Outcome outcome,
                         String reason, String address) {

    /** Longer user names are cut: what a caller typed must not blow up the log. */
    static final int MAX_USERNAME = 320;
    static final int MAX_ADDRESS = 64;

    public enum Outcome {
        SUCCESS, FAILURE;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public AuditEvent {
        username = cut(username, MAX_USERNAME);
        address = cut(address, MAX_ADDRESS);
    }

    public static AuditEvent success(AuditScheme scheme, Long userId, String username, String address) {
        return new AuditEvent(Instant.now(), userId, username, scheme, Outcome.SUCCESS, null, address);
    }

    public static AuditEvent failure(AuditScheme scheme, String reason, Long userId, String username, String address) {
        return new AuditEvent(Instant.now(), userId, username, scheme, Outcome.FAILURE, reason, address);
    }

    /** An admin's change to a user: the user it concerns, and the admin in the reason. */
    public static AuditEvent adminAction(AuditScheme scheme, long userId, String email, Long actorId, String address) {
        return new AuditEvent(Instant.now(), userId, email, scheme, Outcome.SUCCESS, AuditReason.byUser(actorId), address);
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
