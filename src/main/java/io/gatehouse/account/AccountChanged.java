package io.gatehouse.account;

/** Fired after a user's record changes, so each cache drops what the change outdated. */
public record AccountChanged(long userId, Kind kind) {

    public enum Kind {
        /** Name, role, organisation: only cached profiles are stale. */
        PROFILE,
        /** Too many failed logins: cached passwords stop working until the wait is over. */
        TEMPORARY_LOCK,
        /** New password, admin lock, sign out everywhere, deletion: every session, token and cached password ends. */
        CREDENTIALS_REVOKED,
        /**
         * Disable, or an admin's action for a compromised account: as {@link #CREDENTIALS_REVOKED},
         * and the standing credentials too (the API key and the application tokens the user made).
         */
        EVERY_CREDENTIAL_REVOKED
    }

    public boolean dropsCachedPasswords() {
        return kind != Kind.PROFILE;
    }

    public boolean endsSessions() {
        return kind == Kind.CREDENTIALS_REVOKED || kind == Kind.EVERY_CREDENTIAL_REVOKED;
    }

    public boolean endsStandingCredentials() {
        return kind == Kind.EVERY_CREDENTIAL_REVOKED;
    }
}
