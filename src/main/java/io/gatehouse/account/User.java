package io.gatehouse.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** A person who logs in ({@code userid}). The e-mail is stored normalised: trimmed, lower case. */
@Entity
@Table(name = "gh_user")
public class User {

    public static final String ROLE_ADMIN = "admin";

    @Id
    @SequenceGenerator(name = "gh_user_seq", sequenceName = "gh_user_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "gh_user_seq")
    @Column(name = "id")
    private Long id;

    @Column(name = "email", nullable = false, length = 320)
    private String email;

    @Column(name = "phone", length = 20)
    private String phone;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @Column(name = "user_role", nullable = false, length = 32)
    private String role;

    @ManyToOne(optional = false)
    @JoinColumn(name = "organization_id", nullable = false)
    private Organization organization;

    @Column(name = "password_hash", length = 255)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    private UserStatus status;

    @Column(name = "failed_logins", nullable = false)
    private int failedLogins;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Column(name = "last_failure_at")
    private Instant lastFailureAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_login_at")
    private Instant lastLoginAt;

    /** No credential issued before it counts ({@link CredentialCheck}); null until the first revocation. */
    @Column(name = "credentials_not_before")
    private Instant credentialsNotBefore;

    protected User() {
    }

    public User(String email, String name, String role, Organization organization) {
        this.email = email;
        this.name = name;
        this.role = role;
        this.organization = organization;
        this.status = UserStatus.ACTIVE;
        // As stored (InstantConverter): the creation answer shows what every later read shows.
        this.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    public Long getId() { return id; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getRole() { return role; }
    public void setRole(String role) { this.role = role; }
    public Organization getOrganization() { return organization; }
    public void setOrganization(Organization organization) { this.organization = organization; }
    public String getPasswordHash() { return passwordHash; }
    public void setPasswordHash(String passwordHash) { this.passwordHash = passwordHash; }
    public UserStatus getStatus() { return status; }
    public void setStatus(UserStatus status) { this.status = status; }
    public int getFailedLogins() { return failedLogins; }
    public void setFailedLogins(int failedLogins) { this.failedLogins = failedLogins; }
    public Instant getLockedUntil() { return lockedUntil; }
    public void setLockedUntil(Instant lockedUntil) { this.lockedUntil = lockedUntil; }
    public Instant getLastFailureAt() { return lastFailureAt; }
    public void setLastFailureAt(Instant lastFailureAt) { this.lastFailureAt = lastFailureAt; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getLastLoginAt() { return lastLoginAt; }
    public void setLastLoginAt(Instant lastLoginAt) { this.lastLoginAt = lastLoginAt; }
    public Instant getCredentialsNotBefore() { return credentialsNotBefore; }

    /** Ends every credential issued until now: sessions, tokens, refresh tokens (not the password itself). */
    public void revokeCredentialsIssuedBefore(Instant now) {
        // As stored (InstantConverter); never backwards, should the clock step back.
        Instant instant = now.truncatedTo(ChronoUnit.MICROS);
        if (credentialsNotBefore == null || instant.isAfter(credentialsNotBefore)) {
            credentialsNotBefore = instant;
        }
    }

    public boolean isAdmin() {
        return ROLE_ADMIN.equals(role);
    }
}
