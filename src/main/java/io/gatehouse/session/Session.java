package io.gatehouse.session;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A login session. Only the SHA-256 of its key is stored: a database dump opens no session. */
@Entity
@Table(name = "gh_session")
public class Session {

    @Id
    @Column(name = "key_hash", length = 64)
    private String keyHash;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_seen_at", nullable = false)
    private Instant lastSeenAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected Session() {
    }

    public Session(String keyHash, long userId, Instant createdAt, Instant expiresAt) {
        this.keyHash = keyHash;
        this.userId = userId;
        this.createdAt = createdAt;
        this.lastSeenAt = createdAt;
        this.expiresAt = expiresAt;
    }

    public String getKeyHash() { return keyHash; }
    public long getUserId() { return userId; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getLastSeenAt() { return lastSeenAt; }
    public Instant getExpiresAt() { return expiresAt; }
}
