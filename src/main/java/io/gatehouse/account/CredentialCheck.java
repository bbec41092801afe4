package io.gatehouse.account;

import io.gatehouse.audit.AuditReason;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;

/**
 * The one answer to "is this credential still good?", for every form and every exchange: its user
 * exists and is active, and it was issued at or after the user's credentials-not-before instant
 * (set by a password change or reset, a lock, a disable and "sign out everywhere"). Decided in
 * memory from the cached profile, which the change feed drops on every node after a change.
 */
@ApplicationScoped
public class CredentialCheck {

    @Inject
    ProfileCache profiles;

    /** The user's profile when the credential is good, else why not (an {@link AuditReason}). */
    public record Verdict(CallerProfile profile, String refusal) {

        public boolean isGood() {
            return refusal == null;
        }
    }

    /**
     * @param issuedAt when the credential was issued: a session's start, a token's {@code iat}, a
     *                 refresh token's record; null for a standing credential (API key, application
     *                 token) or a password proven on this request, which only need an active user
     */
    public Verdict check(long userId, Instant issuedAt) {
        CallerProfile profile = profiles.find(userId).orElse(null);
        return new Verdict(profile, refusal(profile, issuedAt));
    }

    /** The rule itself: null when the credential is good. */
    static String refusal(CallerProfile profile, Instant issuedAt) {
        if (profile == null) {
            return AuditReason.UNKNOWN_USER;
        }
        return switch (profile.status()) {
            case LOCKED -> AuditReason.USER_LOCKED;
            case DISABLED -> AuditReason.USER_DISABLED;
            case ACTIVE -> issuedAt != null && profile.credentialsNotBefore() != null
                    && issuedAt.isBefore(profile.credentialsNotBefore()) ? AuditReason.REVOKED : null;
        };
    }
}
