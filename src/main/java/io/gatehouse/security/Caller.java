package io.gatehouse.security;

import io.gatehouse.account.CallerProfile;
import io.gatehouse.token.Scope;

import java.util.Set;

/**
 * The authenticated caller of one request and how they proved it: a user (profile), or for a
 * client_credentials token only an OAuth client (clientId, no profile). A token issued to a client
 * is delegated: it carries the scope it was granted (space-separated, or null).
 */
public record Caller(CallerProfile profile, AuthScheme scheme, String sessionKey, String clientId, String scope) {

    public static final String ROLE_USER = "user";
    public static final String ROLE_ADMIN = "admin";
    public static final String ROLE_CLIENT = "client";

    public Caller(CallerProfile profile, AuthScheme scheme, String sessionKey) {
        this(profile, scheme, sessionKey, null, null);
    }

    /** A token issued to an OAuth client, as opposed to a first-party login (session, Basic, auth_token, API key). */
    public boolean isDelegated() {
        return clientId != null;
    }

    /** First-party logins have the user's full rights; a delegated token only what its scope names. */
    public boolean allows(Scope needed) {
        return !isDelegated() || needed.isIn(scope);
    }

    public Set<String> groups() {
        if (profile == null) {
            return Set.of(ROLE_CLIENT);
        }
        return profile.isAdmin() ? Set.of(ROLE_USER, ROLE_ADMIN) : Set.of(ROLE_USER);
    }

    /** The principal's name: the userid, or the client id of a client. */
    public String name() {
        return profile != null ? String.valueOf(profile.userId()) : clientId;
    }

    public long userId() {
        return profile.userId();
    }
}
