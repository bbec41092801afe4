package io.gatehouse.account;

/** What an authenticated request needs to know of its user, kept in memory. */
public record CallerProfile(long userId, String email, String name, String role, long partnerId, UserStatus status) {

    static CallerProfile of(User user) {
        return new CallerProfile(user.getId(), user.getEmail(), user.getName(), user.getRole(),
                user.getOrganization().getId(), user.getStatus());
    }

    public boolean isActive() {
        return status == UserStatus.ACTIVE;
    }

    public boolean isAdmin() {
        return User.ROLE_ADMIN.equals(role);
    }
}
