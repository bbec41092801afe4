package io.gatehouse.account;

/** Fired after a user's record changes, so each cache drops what the change outdated. */
public record AccountChanged(long userId, Kind kind) {

    public enum Kind {
        /** Name, role, organisation: only cached profiles are stale. */
        PROFILE,
        /** Too many failed logins: cached passwords stop working until the wait is over. */
        TEMPORARY_LOCK,
        /** New password, admin lock or disable, deletion: every session and cached password ends. */
        CREDENTIALS_REVOKED
    }

    public boolean dropsCachedPasswords() {
        return kind != Kind.PROFILE;
    }

    public boolean endsSessions() {
        return kind == Kind.CREDENTIALS_REVOKED;
    }
}
