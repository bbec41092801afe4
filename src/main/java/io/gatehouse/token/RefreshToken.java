package io.gatehouse.token;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** An issued refresh token, by the SHA-256 of its jti (emnify's JWT) or of itself (OAuth's opaque token). */
@Entity
@Table(name = "gh_refresh_token")
public class RefreshToken {

    @Id
    @Column(name = "jti_hash", length = 64)
    private String jtiHash;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Column(name = "family_id", nullable = false, length = 64)
    private String familyId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "client_id", length = 64)
    private String clientId;

    @Column(name = "scope", length = 1000)
    private String scope;

    @Column(name = "used_at")
    private Instant usedAt;

    protected RefreshToken() {
    }

    RefreshToken(String jtiHash, long userId, String familyId, Instant createdAt, Instant expiresAt,
                 String clientId, String scope) {
        this.jtiHash = jtiHash;
        this.userId = userId;
        this.familyId = familyId;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
        this.clientId = clientId;
        this.scope = scope;
    }

    String getJtiHash() { return jtiHash; }
    public long getUserId() { return userId; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getExpiresAt() { return expiresAt; }
    public Instant getRevokedAt() { return revokedAt; }
    public String getFamilyId() { return familyId; }
    public String getClientId() { return clientId; }
    public String getScope() { return scope; }
    public Instant getUsedAt() { return usedAt; }

    boolean isUsable(Instant now) {
        return revokedAt == null && expiresAt.isAfter(now);
    }
}
