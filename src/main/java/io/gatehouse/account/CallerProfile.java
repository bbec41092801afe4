package io.gatehouse.account;

import java.time.Instant;

/**
 * What an authenticated request needs to know of its user, kept in memory. {@code credentialsNotBefore}
 * (null when never revoked): no credential issued before it counts, see {@link CredentialCheck}.
 */
public record CallerProfile(long userId, String email, String name, String role, long partnerId, UserStatus status,
                            Instant credentialsNotBefore) {

    static CallerProfile of(User user) {
        return new CallerProfile(user.getId(), user.getEmail(), user.getName(), user.getRole(),
                user.getOrganization().getId(), user.getStatus(), user.getCredentialsNotBefore());
    }

    public boolean isActive() {
        return status == UserStatus.ACTIVE;
    }

    public boolean isAdmin() {
        return User.ROLE_ADMIN.equals(role);
    }
}
