package io.gatehouse.audit;

/**
 * Why an attempt failed, in the audit log's words. The caller always sees the same refusal; the
 * log tells the admin which of these it was.
 */
public final class AuditReason {

    /** A wrong password, or a key or token that is not (or no longer) ours. */
    public static final String BAD_CREDENTIALS = "bad_credentials";
    /** No account with that e-mail. */
    public static final String UNKNOWN_USER = "unknown_user";
    /** The account has no password (one-time passwords only). */
    public static final String NO_PASSWORD = "no_password";
    /** The right password during a failed-login lockout. */
    public static final String LOCKED = "locked";
    /** The account's status is locked by an admin. */
    public static final String USER_LOCKED = "user_locked";
    /** The account's status is disabled. */
    public static final String USER_DISABLED = "user_disabled";
    /** Too many failed logins from the client address. */
    public static final String ADDRESS_BLOCKED = "address_blocked";
    /** Too many requests from the client address to an endpoint with a request limit. */
    public static final String RATE_LIMITED = "rate_limited";
    /** emnify's rule: three failures in a row block the account's logins for five minutes. */
    public static final String ACCOUNT_BLOCKED = "account_blocked";
    public static final String EXPIRED = "expired";
    public static final String REVOKED = "revoked";
    /** An application token used from outside its address range. */
    public static final String ADDRESS_NOT_ALLOWED = "address_not_allowed";
    /** An application token whose stored address range cannot be read: refused, never unrestricted. */
    public static final String UNREADABLE_RANGE = "unreadable_ip_range";
    /** An application token whose creator now belongs to another organisation than the token. */
    public static final String OTHER_ORGANIZATION = "other_organization";
    /** A state-changing request with the session cookie, sent from another site's page (CSRF). */
    public static final String CROSS_ORIGIN = "cross_origin";
    /** A credential that cannot be one: bad Base64, wrong characters, too long, missing fields. */
    public static final String MALFORMED = "malformed";

    private AuditReason() {
    }

    /** For the admin actions: who did it. */
    public static String byUser(Long actorId) {
        return actorId == null ? null : "by userid " + actorId;
    }
}
