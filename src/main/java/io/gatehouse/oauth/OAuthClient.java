package io.gatehouse.oauth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/** An OAuth 2 client: its secret only as a SHA-256, its allowed grant types and scopes space-separated. */
@Entity
@Table(name = "gh_oauth_client")
public class OAuthClient {

    @Id
    @Column(name = "client_id", length = 64)
    private String clientId;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @Column(name = "secret_hash", nullable = false, length = 64)
    private String secretHash;

    @Column(name = "grant_types", nullable = false, length = 200)
    private String grantTypes;

    @Column(name = "scopes", length = 1000)
    private String scopes;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected OAuthClient() {
    }

    OAuthClient(String clientId, String name, String secretHash, Set<String> grantTypes, Set<String> scopes) {
        this.clientId = clientId;
        this.name = name;
        this.secretHash = secretHash;
        this.grantTypes = String.join(" ", grantTypes);
        this.scopes = scopes.isEmpty() ? null : String.join(" ", scopes);
        this.createdAt = Instant.now();
    }

    public String getClientId() { return clientId; }
    public String getName() { return name; }
    public String getSecretHash() { return secretHash; }
    public Instant getCreatedAt() { return createdAt; }
    void setSecretHash(String secretHash) { this.secretHash = secretHash; }

    public Set<String> grantTypes() {
        return split(grantTypes);
    }

    public Set<String> scopes() {
        return split(scopes);
    }

    private static Set<String> split(String value) {
        return value == null || value.isBlank() ? Set.of() : new LinkedHashSet<>(Arrays.asList(value.trim().split(" +")));
    }
}
