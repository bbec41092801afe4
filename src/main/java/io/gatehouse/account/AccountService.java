package io.gatehouse.account;

import io.gatehouse.audit.AuditEvent;
import io.gatehouse.audit.AuditScheme;
import io.gatehouse.audit.RequestOrigin;
import io.gatehouse.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Creates, changes and removes users; validates first so a refused change writes nothing. Locks,
 * unlocks, password resets, revocations and deletions are audited once they have committed.
 */
@ApplicationScoped
public class AccountService {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");
    public static final int MIN_PASSWORD_LENGTH = 8;
    private static final String EMAIL_TAKEN = "A user with this email already exists";
    private static final String PHONE_TAKEN = "Another user has this phone number";

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @Inject
    Event<AccountChanged> changes;

    /** Observed after commit by the audit log: a rolled-back change is not reported. */
    @Inject
    Event<AuditEvent> audited;

    @Inject
    RequestOrigin origin;

    private final PasswordHasher hasher = PasswordHasher.owasp();

    /** The fields of a new user or of a change; null means "not given". */
    public record UserFields(String email, String password, String name, String role, String phone,
                             Long partnerId, UserStatus status) {
    }

    @Transactional
    public User create(UserFields fields) {
        return create(fields, () -> fields.partnerId() == null ? defaultOrganization() : organization(fields.partnerId()));
    }

    /**
     * A user who signed up alone (a one-time password with {@code otp.allowNewUsers}): a new
     * organisation of its own, named after the address, made in the same transaction as the user,
     * so a refused user leaves no empty organisation behind.
     */
    @Transactional
    public User createInOwnOrganization(UserFields fields) {
        return create(fields, () -> {
            String email = Emails.normalize(fields.email());
            Organization own = new Organization(email.length() <= 200 ? email : email.substring(0, 200));
            em.persist(own);
            return own;
        });
    }

    private User create(UserFields fields, Supplier<Organization> organizationOfNewUser) {
        String email = Emails.normalize(fields.email());
        if (!Emails.isPlausible(email)) {
            throw ApiException.badRequest("email must be a valid e-mail address");
        }
        if (findByEmail(email) != null) {
            throw ApiException.conflict(EMAIL_TAKEN);
        }
        Organization organization = organizationOfNewUser.get();
        User user = new User(email, fields.name() == null ? "" : checkName(fields.name()),
                fields.role() == null ? "" : checkRole(fields.role()), organization);
        if (fields.password() != null) {
            user.setPasswordHash(hasher.hash(PasswordForms.canonical(checkPassword(fields.password()))));
        }
        if (fields.phone() != null) {
            user.setPhone(checkPhone(fields.phone(), null));
        }
        if (fields.status() != null) {
            user.setStatus(fields.status());
        }
        em.persist(user);
        flushUnique();
        return user;
    }

    @Transactional
    public User update(long userId, UserFields fields) {
        User user = require(userId);
        AccountChanged.Kind kind = AccountChanged.Kind.PROFILE;
        // Validate everything before the first change: a refused request changes nothing.
        String name = fields.name() == null ? null : checkName(fields.name());
        String role = fields.role() == null ? null : checkRole(fields.role());
        String phone = fields.phone() == null ? null : (fields.phone().isEmpty() ? "" : checkPhone(fields.phone(), userId));
        Organization organization = fields.partnerId() == null ? null : organization(fields.partnerId());
        String password = fields.password() == null ? null : checkPassword(fields.password());
        if (fields.email() != null) {
            throw ApiException.badRequest("email cannot be changed");
        }
        if (name != null) user.setName(name);
        if (role != null) user.setRole(role);
        if (phone != null) user.setPhone(phone.isEmpty() ? null : phone);
        if (organization != null) user.setOrganization(organization);
        if (password != null) {
            setPassword(user, password);
            user.revokeCredentialsIssuedBefore(Instant.now());
            kind = AccountChanged.Kind.CREDENTIALS_REVOKED;
            audit(AuditScheme.ADMIN_PASSWORD_RESET, user);
        }
        AuditScheme statusChange = statusChange(user, fields.status());
        if (statusChange != null) {
            audit(statusChange, user);
        }
        if (fields.status() != null && fields.status() != user.getStatus()) {
            user.setStatus(fields.status());
            if (fields.status() != UserStatus.ACTIVE) {
                user.revokeCredentialsIssuedBefore(Instant.now());
                // A lock pauses the API key and application tokens; a disable ends them.
                kind = fields.status() == UserStatus.DISABLED ? AccountChanged.Kind.EVERY_CREDENTIAL_REVOKED
                        : AccountChanged.Kind.CREDENTIALS_REVOKED;
            }
        }
        if (fields.status() == UserStatus.ACTIVE) {
            // Unlock also clears the failed-login lockout.
            user.setFailedLogins(0);
            user.setLockedUntil(null);
        }
        flushUnique();
        changes.fire(new AccountChanged(userId, kind));
        return user;
    }

    /**
     * The user's own change, once their current password has been checked (by {@link PasswordLogin},
     * which also audits it): like an admin's reset, it ends every session, refresh token and cached password.
     */
    @Transactional
    public void changeOwnPassword(long userId, String password) {
        User user = require(userId);
        setPassword(user, checkPassword(password));
        user.revokeCredentialsIssuedBefore(Instant.now());
        em.flush();
        changes.fire(new AccountChanged(userId, AccountChanged.Kind.CREDENTIALS_REVOKED));
    }

    private void setPassword(User user, String password) {
        user.setPasswordHash(hasher.hash(PasswordForms.canonical(password)));
    }

    /**
     * Signs the user out everywhere: every session, token, refresh token and cached password issued
     * until now ends; the account stays as it is. For a compromised account ({@code everything}) the
     * API key and the application tokens the user made end too.
     */
    @Transactional
    public void revokeCredentials(long userId, boolean everything) {
        User user = require(userId);
        user.revokeCredentialsIssuedBefore(Instant.now());
        em.flush();
        audit(everything ? AuditScheme.ADMIN_REVOKE_ALL : AuditScheme.ADMIN_REVOKE, user);
        changes.fire(new AccountChanged(userId, everything ? AccountChanged.Kind.EVERY_CREDENTIAL_REVOKED
                : AccountChanged.Kind.CREDENTIALS_REVOKED));
    }

    @Transactional
    public void delete(long userId) {
        User user = require(userId);
        audit(AuditScheme.ADMIN_DELETE, user);
        em.remove(user);
        em.flush();
        changes.fire(new AccountChanged(userId, AccountChanged.Kind.CREDENTIALS_REVOKED));
    }

    /**
     * Writes now. A parallel request may have taken the address or phone since our check: the
     * database's unique constraint refuses this one, which is still a conflict, not a failure.
     */
    private void flushUnique() {
        try {
            em.flush();
        } catch (PersistenceException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                // SQL state class 23: an integrity constraint, on H2, PostgreSQL and MariaDB alike.
                if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                    boolean phone = String.valueOf(sql.getMessage()).toLowerCase(Locale.ROOT).contains("uq_user_phone");
                    throw ApiException.conflict(phone ? PHONE_TAKEN : EMAIL_TAKEN);
                }
            }
            throw e;
        }
    }

    /** The audited kind of a status change, before it is applied; null when there is nothing to report. */
    private static AuditScheme statusChange(User user, UserStatus requested) {
        if (requested == null) {
            return null;
        }
        return switch (requested) {
            case LOCKED -> user.getStatus() == UserStatus.LOCKED ? null : AuditScheme.ADMIN_LOCK;
            case DISABLED -> user.getStatus() == UserStatus.DISABLED ? null : AuditScheme.ADMIN_DISABLE;
            // Also clears a failed-login lockout: an unlock whenever there was something to lift.
            case ACTIVE -> user.getStatus() != UserStatus.ACTIVE || user.getFailedLogins() > 0
                    || user.getLockedUntil() != null ? AuditScheme.ADMIN_UNLOCK : null;
        };
    }

    private void audit(AuditScheme action, User user) {
        audited.fire(AuditEvent.adminAction(action, user.getId(), user.getEmail(), origin.callerId(), origin.address()));
    }

    public User require(long userId) {
        User user = em.find(User.class, userId);
        if (user == null) {
            throw ApiException.notFound("No user with userid " + userId);
        }
        return user;
    }

    public User findByEmail(String email) {
        return em.createQuery("select u from User u where u.email = :email", User.class)
                .setParameter("email", Emails.normalize(email))
                .getResultStream().findFirst().orElse(null);
    }

    public User findByPhone(String phone) {
        return em.createQuery("select u from User u where u.phone = :phone", User.class)
                .setParameter("phone", phone).getResultStream().findFirst().orElse(null);
    }

    public List<User> list(int first, int max) {
        return em.createQuery("select u from User u order by u.id", User.class)
                .setFirstResult(first).setMaxResults(max).getResultList();
    }

    public long count() {
        return em.createQuery("select count(u) from User u", Long.class).getSingleResult();
    }

    private Organization defaultOrganization() {
        return em.createQuery("select o from Organization o order by o.id", Organization.class)
                .setMaxResults(1).getResultStream().findFirst()
                .orElseGet(() -> {
                    Organization first = new Organization("Default");
                    em.persist(first);
                    return first;
                });
    }

    public boolean organizationExists(long partnerId) {
        return em.find(Organization.class, partnerId) != null;
    }

    private Organization organization(long partnerId) {
        Organization organization = em.find(Organization.class, partnerId);
        if (organization == null) {
            throw ApiException.badRequest("partnerid " + partnerId + " does not exist");
        }
        return organization;
    }

    private static String checkName(String name) {
        String trimmed = name.strip();
        if (trimmed.length() > 200) {
            throw ApiException.badRequest("name must be at most 200 characters");
        }
        return trimmed;
    }

    private static String checkRole(String role) {
        if (!role.isEmpty() && !User.ROLE_ADMIN.equals(role)) {
            throw ApiException.badRequest("role must be \"\" or \"admin\"");
        }
        return role;
    }

    public static String checkPassword(String password) {
        if (password.length() < MIN_PASSWORD_LENGTH || password.length() > PasswordHasher.MAX_PASSWORD_LENGTH) {
            throw ApiException.badRequest("password must be " + MIN_PASSWORD_LENGTH + " to "
                    + PasswordHasher.MAX_PASSWORD_LENGTH + " characters long");
        }
        return password;
    }

    private String checkPhone(String phone, Long ownerId) {
        if (!E164.matcher(phone).matches()) {
            throw ApiException.badRequest("phone must be in E.164 form, e.g. +491701234567");
        }
        User holder = em.createQuery("select u from User u where u.phone = :phone", User.class)
                .setParameter("phone", phone).getResultStream().findFirst().orElse(null);
        if (holder != null && !holder.getId().equals(ownerId)) {
            throw ApiException.conflict(PHONE_TAKEN);
        }
        return phone;
    }
}
