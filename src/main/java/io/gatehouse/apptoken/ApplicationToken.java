package io.gatehouse.apptoken;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;

/** An emnify application token: stored only as its SHA-256; status 0 Activated, 1 Revoked. */
@Entity
@Table(name = "gh_application_token")
public class ApplicationToken {

    public static final int ACTIVATED = 0;
    public static final int REVOKED = 1;

    @Id
    @SequenceGenerator(name = "gh_application_token_seq", sequenceName = "gh_application_token_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "gh_application_token_seq")
    @Column(name = "id")
    private Long id;

    @Column(name = "token_hash", nullable = false, length = 64)
    private String tokenHash;

    @Column(name = "organization_id", nullable = false)
    private long organizationId;

    @Column(name = "creator_id")
    private Long creatorId;

    @Column(name = "description", length = 500)
    private String description;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expiry_date")
    private Instant expiryDate;

    @Column(name = "ip_range", length = 64)
    private String ipRange;

    @Column(name = "status", nullable = false)
    private int status;

    protected ApplicationToken() {
    }

    ApplicationToken(String tokenHash, long organizationId, long creatorId, String description, Instant expiryDate,
                     String ipRange) {
        this.tokenHash = tokenHash;
        this.organizationId = organizationId;
        this.creatorId = creatorId;
        this.description = description;
        this.createdAt = Instant.now();
        this.expiryDate = expiryDate;
        this.ipRange = ipRange;
        this.status = ACTIVATED;
    }

    public Long getId() { return id; }
    public String getTokenHash() { return tokenHash; }
    public long getOrganizationId() { return organizationId; }
    public Long getCreatorId() { return creatorId; }
    public String getDescription() { return description; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getExpiryDate() { return expiryDate; }
    public String getIpRange() { return ipRange; }
    public int getStatus() { return status; }
    void revoke() { this.status = REVOKED; }
    void describe(String description) { this.description = description; }
}
