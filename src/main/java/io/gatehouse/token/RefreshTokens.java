package io.gatehouse.token;

import io.gatehouse.account.AccountChanged;
import io.gatehouse.account.CallerProfile;
import io.gatehouse.audit.AuditReason;
import io.gatehouse.crypto.Digests;
import io.gatehouse.crypto.RandomTokens;
import io.gatehouse.settings.Settings;
import io.gatehouse.settings.SettingsCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Default;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Refresh tokens. emnify's are signed JWTs of type rt+jwt, used again and again while their record
 * is; OAuth's are opaque, rotate at every use and live in families (RFC 9700).
 */
@ApplicationScoped
public class RefreshTokens {

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @Inject
    TokenIssuer issuer;

    @Inject
    TokenVerifier verifier;

    @Inject
    Settings settings;

    /**
     * An emnify refresh token: a signed JWT of type rt+jwt, as emnify's document shows it, used
     * again and again until it expires or is revoked.
     */
    @Transactional
    public String issue(CallerProfile user) {
        String jti = TokenIssuer.newJti();
        Instant now = Instant.now();
        Instant expires = now.plus(Duration.ofDays(settings.intValue(SettingsCatalog.REFRESH_TOKEN_TTL_DAYS)));
        String hash = Digests.sha256Hex(jti);
        // A family of its own, named by the hash too: the token's id is never stored in clear.
        em.persist(new RefreshToken(hash, user.userId(), hash, now, expires, null, null));
        em.flush();
        return issuer.issue(TokenType.REFRESH, user, null, null, jti, expires, null);
    }

    /**
     * An OAuth refresh token for a client, in a family of rotations: opaque, as the OAuth document
     * shows it, since only we ever read it; the record, by the token's SHA-256, holds what it grants.
     */
    @Transactional
    public String issue(CallerProfile user, String clientId, String scope, String familyId) {
        String token = RandomTokens.refreshToken();
        Instant now = Instant.now();
        Instant expires = now.plus(Duration.ofDays(settings.intValue(SettingsCatalog.REFRESH_TOKEN_TTL_DAYS)));
        em.persist(new RefreshToken(Digests.sha256Hex(token), user.userId(), familyId, now, expires, clientId, scope));
        return token;
    }

    /** What a rotation found: the token's record when it was fresh, or why not. */
    public record Rotation(RefreshToken token, boolean reused) {
    }

    /**
     * Uses an OAuth refresh token once (RFC 9700 §4.14): the first use marks it, atomically, so of
     * concurrent uses exactly one wins; a token already used revokes its whole family.
     */
    @Transactional
    public Rotation rotate(String token, String clientId) {
        RefreshToken stored = find(token).filter(r -> clientId.equals(r.getClientId())).orElse(null);
        if (stored == null) {
            return new Rotation(null, false);
        }
        Instant now = Instant.now();
        int marked = em.createQuery("update RefreshToken r set r.usedAt = :now where r.jtiHash = :hash"
                        + " and r.usedAt is null and r.revokedAt is null and r.expiresAt > :now")
                .setParameter("now", now).setParameter("hash", stored.getJtiHash()).executeUpdate();
        if (marked == 1) {
            return new Rotation(stored, false);  // what it grants never changes: no need to read it again
        }
        em.refresh(stored);
        if (stored.getUsedAt() != null) {
            em.createQuery("update RefreshToken r set r.revokedAt = :now where r.familyId = :family and r.revokedAt is null")
                    .setParameter("now", now).setParameter("family", stored.getFamilyId()).executeUpdate();
            return new Rotation(null, true);
        }
        return new Rotation(null, false);
    }

    /** Ends a refresh token and its family (RFC 7009), if it is this client's. */
    @Transactional
    public boolean revoke(String token, String clientId) {
        RefreshToken stored = find(token).filter(r -> clientId.equals(r.getClientId())).orElse(null);
        if (stored == null) {
            return false;
        }
        em.createQuery("update RefreshToken r set r.revokedAt = :now where r.familyId = :family and r.revokedAt is null")
                .setParameter("now", Instant.now()).setParameter("family", stored.getFamilyId()).executeUpdate();
        return true;
    }

    /** The record of an OAuth refresh token; an emnify JWT or anything else finds nothing. */
    private Optional<RefreshToken> find(String token) {
        if (token == null || token.isEmpty() || token.length() > TokenVerifier.MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(RefreshToken.class, Digests.sha256Hex(token)))
                .filter(r -> r.getClientId() != null);
    }

    /** The stored record of a live refresh token, for introspection. */
    public Optional<RefreshToken> live(String token) {
        return find(token).filter(r -> r.isUsable(Instant.now()) && r.getUsedAt() == null);
    }

    /**
     * The user a valid, unrevoked refresh token belongs to and when it was issued (for
     * {@code CredentialCheck}), or why there is none (an {@link AuditReason}).
     */
    public record Redemption(Long userId, String refusal, Instant issuedAt) {
        static Redemption refused(Long userId, String refusal) {
            return new Redemption(userId, refusal, null);
        }

        public boolean isAccepted() {
            return refusal == null;
        }
    }

    /** The user a valid, unrevoked refresh token belongs to. */
    public Optional<Long> redeem(String token) {
        Redemption redemption = check(token);
        return redemption.isAccepted() ? Optional.of(redemption.userId()) : Optional.empty();
    }

    public Redemption check(String token) {
        VerifiedToken verified = verifier.verify(token, TokenType.REFRESH).orElse(null);
        if (verified == null) {
            // Forged, expired (by its exp) and foreign tokens look alike to the verifier.
            boolean shaped = token != null && token.chars().filter(c -> c == '.').count() == 2;
            return Redemption.refused(null, shaped ? AuditReason.BAD_CREDENTIALS : AuditReason.MALFORMED);
        }
        if (verified.userId() == null) {
            return Redemption.refused(null, AuditReason.BAD_CREDENTIALS);
        }
        RefreshToken stored = em.find(RefreshToken.class, Digests.sha256Hex(verified.jti()));
        // emnify's own tokens only: an OAuth client's refresh token is redeemed at the token endpoint.
        if (stored == null || stored.getUserId() != verified.userId() || stored.getClientId() != null) {
            return Redemption.refused(verified.userId(), AuditReason.BAD_CREDENTIALS);
        }
        if (stored.getRevokedAt() != null) {
            return Redemption.refused(verified.userId(), AuditReason.REVOKED);
        }
        if (!stored.isUsable(Instant.now())) {
            return Redemption.refused(verified.userId(), AuditReason.EXPIRED);
        }
        return new Redemption(verified.userId(), null, verified.issuedAt());
    }

    /** A new password, a lock, a disable or a logout ends every refresh token of the user. */
    void revokeOnAccountChange(@Observes @Default AccountChanged change) {
        if (change.endsSessions()) {
            revoke(change.userId());
        }
    }

    @Transactional
    public void revokeAllOf(long userId) {
        revoke(userId);
    }

    /** A logout by a token issued to a client ends that client's refresh tokens of the user, not other clients'. */
    @Transactional
    public void revokeAllOf(long userId, String clientId) {
        em.createQuery("update RefreshToken r set r.revokedAt = :now where r.userId = :user and r.clientId = :client"
                        + " and r.revokedAt is null")
                .setParameter("now", Instant.now()).setParameter("user", userId).setParameter("client", clientId)
                .executeUpdate();
    }

    private void revoke(long userId) {
        em.createQuery("update RefreshToken r set r.revokedAt = :now where r.userId = :user and r.revokedAt is null")
                .setParameter("now", Instant.now()).setParameter("user", userId).executeUpdate();
    }
}
