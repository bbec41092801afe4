package io.gatehouse.account;

import io.gatehouse.operations.LockoutMetrics;
import io.gatehouse.settings.Settings;
import io.gatehouse.settings.SettingsCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;

/**
 * Settles one login attempt against the account's failure counter under a row lock, so that
 * parallel guesses are counted one by one and none slips past the lockout.
 */
@ApplicationScoped
public class LoginAttempts {

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @Inject
    Settings settings;

    @Inject
    Event<AccountChanged> changes;

    @Inject
    LockoutMetrics lockouts;

    /**
     * @param passwordMatched the result of the (slow) hash comparison, made before the lock is taken
     * @param rehashed a new hash of the same password when ours has changed parameters, else null
     * @return the caller when the login is accepted, else null
     */
    @Transactional
    public CallerProfile settle(long userId, boolean passwordMatched, String rehashed) {
        User user = em.find(User.class, userId, LockModeType.PESSIMISTIC_WRITE);
        if (user == null) {
            return null;
        }
        Instant now = Instant.now();
        boolean lockedOut = user.getLockedUntil() != null && user.getLockedUntil().isAfter(now);
        if (passwordMatched && !lockedOut && user.getStatus() == UserStatus.ACTIVE) {
            user.setFailedLogins(0);
            user.setLockedUntil(null);
            user.setLastLoginAt(now);
            if (rehashed != null) {
                user.setPasswordHash(rehashed);
            }
            return CallerProfile.of(user);
        }
        if (!passwordMatched) {
            int failures = user.getFailedLogins() + 1;
            user.setFailedLogins(failures);
            user.setLastFailureAt(now);
            Duration wait = policy().waitAfter(failures);
            if (!wait.isZero()) {
                user.setLockedUntil(now.plus(wait));
                changes.fire(new AccountChanged(userId, AccountChanged.Kind.TEMPORARY_LOCK));
                if (!lockedOut) {
                    lockouts.account();  // a lockout begins; failures during it only lengthen it
                }
            }
        }
        return null;
    }

    private LockoutPolicy policy() {
        return new LockoutPolicy(settings.intValue(SettingsCatalog.LOCKOUT_MAX_FAILURES),
                settings.intValue(SettingsCatalog.LOCKOUT_WAIT_SECONDS),
                settings.intValue(SettingsCatalog.LOCKOUT_MAX_WAIT_SECONDS));
    }
}
