package io.gatehouse.otp;

import io.gatehouse.account.AccountService;
import io.gatehouse.account.User;
import io.gatehouse.account.UserStatus;
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
import java.util.Optional;

/**
 * Issues and redeems one-time passwords. Both take a row lock, so parallel redeems of one code
 * settle one by one: exactly one succeeds, and no wrong guess goes uncounted.
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
    AccountService accounts;

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

    /**
     * The id of the user whose live code this is, consuming it; otherwise empty, and a wrong code
     * counts against the user's live one.
     *
     * @param username an e-mail address or a phone number exactly as stored (E.164)
     * @param code the six digits; anything else is not taken as a try, so a grant may offer every
     *             password here without a real password wearing down a live code
     */
    // A transaction of its own: a wrong try stays counted even when the caller's transaction
    // rolls back, as it may on the refusal that follows.
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Long> redeem(String username, String code) {
        if (username == null || username.isBlank() || !OtpCodes.isWellFormed(code)) {
            return Optional.empty();
        }
        User user = username.indexOf('@') >= 0 ? accounts.findByEmail(username) : accounts.findByPhone(username.strip());
        if (user == null || user.getStatus() != UserStatus.ACTIVE) {
            return Optional.empty();
        }
        OneTimePassword otp = em.find(OneTimePassword.class, user.getId(), LockModeType.PESSIMISTIC_WRITE);
        if (otp == null) {
            return Optional.empty();
        }
        OneTimePassword.Verdict verdict = otp.attempt(OtpCodes.hash(key, user.getId(), code), Instant.now());
        return verdict == OneTimePassword.Verdict.ACCEPTED ? Optional.of(user.getId()) : Optional.empty();
    }
}
