package io.gatehouse.otp;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;

/**
 * A user's one-time password, by the keyed hash of its code. One row per user: a new code
 * overwrites the old one. The rules (one use, a deadline, a few wrong tries) live here, so
 * they can be tested without a database.
 */
@Entity
@Table(name = "gh_one_time_password")
public class OneTimePassword {

    /** Wrong codes a password survives; the next wrong one ends it. */
    public static final int MAX_FAILED_ATTEMPTS = 5;

    public enum Verdict { ACCEPTED, WRONG, DEAD }

    @Id
    @Column(name = "user_id")
    private long userId;

    @Column(name = "code_hash", nullable = false, length = 64)
    private String codeHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "failed_attempts", nullable = false)
    private int failedAttempts;

    @Column(name = "used_at")
    private Instant usedAt;

    protected OneTimePassword() {
    }

    OneTimePassword(long userId, String codeHash, Instant now, Duration ttl) {
        this.userId = userId;
        replace(codeHash, now, ttl);
    }

    /** A new code in place of the old, whatever state the old one was in. */
    void replace(String newCodeHash, Instant now, Duration ttl) {
        codeHash = newCodeHash;
        createdAt = now;
        expiresAt = now.plus(ttl);
        failedAttempts = 0;
        usedAt = null;
    }

    boolean isLive(Instant now) {
        return usedAt == null && failedAttempts < MAX_FAILED_ATTEMPTS && now.isBefore(expiresAt);
    }

    /** Settles one try: a right code is used up by it, a wrong one counts against the password. */
    Verdict attempt(String presentedHash, Instant now) {
        if (!isLive(now)) {
            return Verdict.DEAD;
        }
        if (MessageDigest.isEqual(codeHash.getBytes(StandardCharsets.US_ASCII),
                presentedHash.getBytes(StandardCharsets.US_ASCII))) {
            usedAt = now;
            return Verdict.ACCEPTED;
        }
        failedAttempts++;
        return Verdict.WRONG;
    }

    public long getUserId() { return userId; }
    public String getCodeHash() { return codeHash; }
    public Instant getExpiresAt() { return expiresAt; }
    public int getFailedAttempts() { return failedAttempts; }
    public Instant getUsedAt() { return usedAt; }
}
