package io.gatehouse.otp;

import io.gatehouse.account.CallerProfile;
import io.gatehouse.account.LoginAttempts;
import io.gatehouse.account.User;
import io.gatehouse.account.UserStatus;
import io.gatehouse.audit.AuditReason;
import io.gatehouse.crypto.ServerSecret;
import io.gatehouse.settings.Settings;
import io.gatehouse.settings.SettingsCatalog;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;

/**
 * Issues and redeems one-time passwords. Both take the user's row lock, so parallel redeems of
 * one code settle one by one: exactly one succeeds, and no wrong guess goes uncounted.
 */
@ApplicationScoped
public class OneTimePasswords {

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @Inject
    ServerSecret secret;

    @Inject
    Settings settings;

    @Inject
    LoginAttempts attempts;

    private byte[] key;

    @PostConstruct
    void deriveKey() {
        key = secret.derive("otp");
    }

    /** A fresh code for the user, in place of any earlier one. The plain code exists only in the answer. */
    @Transactional
    public String issue(long userId) {
        // The user's row serialises parallel sends, so two first codes cannot both be inserted.
        if (em.find(User.class, userId, LockModeType.PESSIMISTIC_WRITE) == null) {
            throw new IllegalArgumentException("No user " + userId);
        }
        String code = OtpCodes.generate();
        String hash = OtpCodes.hash(key, userId, code);
        Instant now = Instant.now();
        Duration ttl = Duration.ofMinutes(settings.intValue(SettingsCatalog.OTP_TTL_MINUTES));
        OneTimePassword existing = em.find(OneTimePassword.class, userId);
        if (existing == null) {
            em.persist(new OneTimePassword(userId, hash, now, ttl));
        } else {
            existing.replace(hash, now, ttl);
        }
        return code;
    }

    /** The outcome of one try at a code: the caller, or why not (an {@link AuditReason}). */
    public record Attempt(CallerProfile accepted, String refusal) {
        static Attempt refused(String refusal) {
            return new Attempt(null, refusal);
        }
    }

    /**
     * One try at the user's code, settled as a login of the account under its row lock: an account
     * that is locked, disabled or waiting out a failed-login lockout is refused before the code is
     * looked at (its right code too, and the code stays as it was); otherwise a wrong code, or any
     * code while none is live, counts as a failed login ({@code lockout.maxFailures}), and the
     * right one is used up and resets the count as a successful login does. A new send replaces
     * the code but never the account's count, so resending does not buy more guesses.
     */
    // A transaction of its own: a wrong try stays counted even when the caller's transaction
    // rolls back, as it may on the refusal that follows.
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Attempt attempt(long userId, String code) {
        User user = em.find(User.class, userId, LockModeType.PESSIMISTIC_WRITE);
        if (user == null) {
            return Attempt.refused(AuditReason.UNKNOWN_USER);
        }
        if (user.getStatus() != UserStatus.ACTIVE) {
            return Attempt.refused(user.getStatus() == UserStatus.LOCKED ? AuditReason.USER_LOCKED : AuditReason.USER_DISABLED);
        }
        Instant now = Instant.now();
        if (user.getLockedUntil() != null && user.getLockedUntil().isAfter(now)) {
            return Attempt.refused(AuditReason.LOCKED);
        }
        OneTimePassword otp = em.find(OneTimePassword.class, userId, LockModeType.PESSIMISTIC_WRITE);
        boolean right = otp != null
                && otp.attempt(OtpCodes.hash(key, userId, code), now) == OneTimePassword.Verdict.ACCEPTED;
        CallerProfile accepted = attempts.settle(userId, right, null);
        return accepted != null ? new Attempt(accepted, null) : Attempt.refused(AuditReason.BAD_CREDENTIALS);
    }
}
