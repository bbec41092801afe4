package io.gatehouse.account;

import io.gatehouse.audit.AuditEvent;
import io.gatehouse.audit.AuditLog;
import io.gatehouse.audit.AuditReason;
import io.gatehouse.audit.AuditScheme;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Duration;

/**
 * E-mail and password login, shared by every password path (session login, HTTP Basic, and
 * later the token endpoints). Unknown, locked and disabled accounts cost one hash like any other,
 * and every refusal reads the same to the caller; the audit log records which refusal it was.
 */
@ApplicationScoped
public class PasswordLogin {

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @Inject
    LoginAttempts attempts;

    @Inject
    AddressThrottle addresses;

    @Inject
    EmnifyLoginBlock emnifyBlock;

    @Inject
    AuditLog audit;

    private final PasswordHasher hasher = PasswordHasher.owasp();

    /**
     * @param scheme the path asking, for the audit log; {@link AuditScheme#EMNIFY_PASSWORD} is
     *               emnify's path: the password may also be its SHA-1 hex string, and three
     *               failures in a row block the user name for five minutes ({@link EmnifyLoginBlock})
     */
    public LoginOutcome login(String email, String password, String address, AuditScheme scheme) {
        long started = System.nanoTime();
        boolean emnify = scheme == AuditScheme.EMNIFY_PASSWORD;
        String tried = Emails.normalize(email);
        if (addresses.isBlocked(address)) {
            audit.record(AuditEvent.failure(scheme, AuditReason.ADDRESS_BLOCKED, null, tried, address));
            return LoginOutcome.addressBlocked();
        }
        User user = em.createQuery("select u from User u where u.email = :email", User.class)
                .setParameter("email", tried)
                .getResultStream().findFirst().orElse(null);
        if (emnify && !emnifyBlock.admit(tried)) {
            // Known or not, the name is blocked alike and answered no sooner than a refusal.
            audit.record(AuditEvent.failure(scheme, AuditReason.ACCOUNT_BLOCKED, user == null ? null : user.getId(),
                    tried, address));
            RefusalPace.padTo(started + Decoy.REFUSAL_FLOOR_NANOS);
            return LoginOutcome.accountBlocked();
        }
        boolean hasPassword = user != null && user.getPasswordHash() != null;
        String stored = hasPassword ? user.getPasswordHash() : Decoy.HASH;
        String matched = null;
        for (String candidate : PasswordForms.candidates(password, emnify)) {
            if (hasher.verify(candidate, stored) && hasPassword && matched == null) {
                matched = candidate;
            }
        }
        CallerProfile accepted = null;
        if (user != null) {
            String rehashed = matched != null && hasher.needsRehash(stored) ? hasher.hash(matched) : null;
            accepted = attempts.settle(user.getId(), matched != null, rehashed);
        }
        if (accepted == null) {
            addresses.recordFailure(address);
            audit.record(AuditEvent.failure(scheme, refusal(user, hasPassword, matched != null),
                    user == null ? null : user.getId(), tried, address));
            RefusalPace.padTo(started + Decoy.REFUSAL_FLOOR_NANOS);
            return LoginOutcome.refused();
        }
        if (emnify) {
            emnifyBlock.succeeded(tried);
        }
        audit.record(AuditEvent.success(scheme, accepted.userId(), accepted.email(), address));
        return LoginOutcome.accepted(accepted);
    }

    /** Made at the first login rather than at start-up: three hashes that would delay the first request of all. */
    private static final class Decoy {
        /** A real hash of a random password: unknown users are checked against it to spend the same time. */
        static final String HASH = PasswordHasher.owasp().hash(java.util.UUID.randomUUID().toString());
        /**
         * Every refusal takes at least this long: twice one hash, measured here. Known accounts write
         * their failure count and unknown ones do not, so without a floor that write would tell them apart.
         */
        static final long REFUSAL_FLOOR_NANOS = refusalFloor();

        private static long refusalFloor() {
            PasswordHasher hasher = PasswordHasher.owasp();
            hasher.verify("warm-up", HASH);
            long start = System.nanoTime();
            hasher.verify("measure", HASH);
            long once = System.nanoTime() - start;
            return Math.max(Duration.ofMillis(50).toNanos(), Math.min(2 * once, Duration.ofMillis(500).toNanos()));
        }
    }

    /** Why a login was refused, from the account as read before the attempt. */
    private static String refusal(User user, boolean hasPassword, boolean matched) {
        if (user == null) {
            return AuditReason.UNKNOWN_USER;
        }
        if (!hasPassword) {
            return AuditReason.NO_PASSWORD;
        }
        if (!matched) {
            return AuditReason.BAD_CREDENTIALS;
        }
        return switch (user.getStatus()) {
            case LOCKED -> AuditReason.USER_LOCKED;
            case DISABLED -> AuditReason.USER_DISABLED;
            case ACTIVE -> AuditReason.LOCKED;
        };
    }
}
