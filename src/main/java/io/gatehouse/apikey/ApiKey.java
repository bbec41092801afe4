package io.gatehouse.apikey;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A user's API key: sealed under the server key (it can be shown again) and found by a keyed
 * hash, so a database dump alone neither shows nor matches a key.
 */
@Entity
@Table(name = "gh_api_key")
public class ApiKey {

    @Id
    @Column(name = "user_id")
    private long userId;

    @Column(name = "lookup_hash", nullable = false, length = 64)
    private String lookupHash;

    @Column(name = "encrypted_key", nullable = false, length = 255)
    private String encryptedKey;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ApiKey() {
    }

    public ApiKey(long userId) {
        this.userId = userId;
    }

    public long getUserId() { return userId; }
    public String getLookupHash() { return lookupHash; }
    public String getEncryptedKey() { return encryptedKey; }
    public Instant getCreatedAt() { return createdAt; }

    void replace(String lookupHash, String encryptedKey) {
        this.lookupHash = lookupHash;
        this.encryptedKey = encryptedKey;
        this.createdAt = Instant.now();
    }
}
