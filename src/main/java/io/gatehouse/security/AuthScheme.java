package io.gatehouse.security;

import io.gatehouse.audit.AuditScheme;

/** The credential form a request authenticated with. */
public enum AuthScheme {
    SESSION, BASIC, API_KEY, BEARER,
    /** A Bearer auth_token derived from an application token: as limited as an API key. */
    APPLICATION_TOKEN;

    /** Whether this credential may use the sensitive endpoints (key management, admin). */
    public boolean isSensitiveAllowed() {
        return this != API_KEY && this != APPLICATION_TOKEN;
    }

    /** The audit log's name for this form (the same name). */
    public AuditScheme audit() {
        return AuditScheme.valueOf(name());
    }
}
