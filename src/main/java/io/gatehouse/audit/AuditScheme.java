package io.gatehouse.audit;

import java.util.Arrays;
import java.util.Optional;

/** How an audited event authenticated or what it did; written lower case ({@code session_login}). */
public enum AuditScheme {
    /** Konekt {@code POST /api/1/auth/session}. */
    SESSION_LOGIN,
    /** A session key on a request (only failures: a live session is the steady state). */
    SESSION,
    /** HTTP Basic with e-mail and password (failures, and successes that needed the password hash). */
    BASIC,
    /** An API key as parameter or as Basic with user name {@code apikey} (only failures). */
    API_KEY,
    /** A Bearer auth_token (only failures). */
    BEARER,
    /** A Bearer auth_token derived from an application token (only failures). */
    APPLICATION_TOKEN,
    /** emnify {@code /api/v1/authenticate} with username and password. */
    EMNIFY_PASSWORD,
    /** emnify {@code /api/v1/authenticate} with a refresh_token. */
    REFRESH_TOKEN,
    /** emnify {@code /api/v1/authenticate} with an application_token. */
    APPLICATION_TOKEN_EXCHANGE,
    /** Konekt {@code DELETE /api/1/auth/session}. */
    LOGOUT,
    /** Konekt {@code POST /api/1/users/me/password}: the check of the current password, success or failure. */
    PASSWORD_CHANGE,
    OAUTH_CLIENT, OAUTH_PASSWORD, OAUTH_ONE_TIME_PASSWORD, OAUTH_REFRESH_TOKEN, OAUTH_CLIENT_CREDENTIALS,
    ADMIN_LOCK, ADMIN_UNLOCK, ADMIN_DISABLE, ADMIN_PASSWORD_RESET, ADMIN_REVOKE, ADMIN_DELETE,
    /** An admin's action for a compromised account: sign out everywhere, and the API key and application tokens end. */
    ADMIN_REVOKE_ALL;

    /** Computed once: it names every recorded event's meter too. */
    private final String wireName = name().toLowerCase(java.util.Locale.ROOT);

    public String wireName() {
        return wireName;
    }

    public static Optional<AuditScheme> fromWireName(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(name)).findFirst();
    }
}
