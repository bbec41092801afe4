package io.gatehouse.security;

import io.gatehouse.account.CallerProfile;

import java.util.Set;

/** The authenticated user of one request and how they proved it. */
public record Caller(CallerProfile profile, AuthScheme scheme, String sessionKey) {

    public static final String ROLE_USER = "user";
    public static final String ROLE_ADMIN = "admin";

    public Set<String> groups() {
        return profile.isAdmin() ? Set.of(ROLE_USER, ROLE_ADMIN) : Set.of(ROLE_USER);
    }

    public long userId() {
        return profile.userId();
    }
}
