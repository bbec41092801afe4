package io.gatehouse.token;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A JWT signing key pair: the public JWK in clear, the private one sealed under the server key. */
@Entity
@Table(name = "gh_signing_key")
public class SigningKey {

    @Id
    @Column(name = "kid", length = 64)
    private String kid;

    @Column(name = "algorithm", nullable = false, length = 16)
    private String algorithm;

    @Column(name = "public_jwk", nullable = false, length = 2000)
    private String publicJwk;

    @Column(name = "sealed_private_jwk", nullable = false, length = 4000)
    private String sealedPrivateJwk;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "retired_at")
    private Instant retiredAt;

    protected SigningKey() {
    }

    SigningKey(String kid, String algorithm, String publicJwk, String sealedPrivateJwk, Instant createdAt) {
        this.kid = kid;
        this.algorithm = algorithm;
        this.publicJwk = publicJwk;
        this.sealedPrivateJwk = sealedPrivateJwk;
        this.createdAt = createdAt;
    }

    public String getKid() { return kid; }
    public String getAlgorithm() { return algorithm; }
    public String getPublicJwk() { return publicJwk; }
    public String getSealedPrivateJwk() { return sealedPrivateJwk; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getRetiredAt() { return retiredAt; }
    void retire(Instant when) { this.retiredAt = when; }
}
