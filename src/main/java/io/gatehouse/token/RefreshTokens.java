package io.gatehouse.token;

import io.gatehouse.account.AccountChanged;
import io.gatehouse.account.CallerProfile;
import io.gatehouse.audit.AuditReason;
import io.gatehouse.crypto.Digests;
import io.gatehouse.settings.Settings;
import io.gatehouse.settings.SettingsCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** emnify refresh tokens: signed JWTs of type rt+jwt, usable while their stored record is. */
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

    @Transactional
    public String issue(CallerProfile user) {
        String jti = TokenIssuer.newJti();
        Instant now = Instant.now();
        Instant expires = now.plus(Duration.ofDays(settings.intValue(SettingsCatalog.REFRESH_TOKEN_TTL_DAYS)));
        em.persist(new RefreshToken(Digests.sha256Hex(jti), user.userId(), TokenIssuer.newJti(), now, expires));
        return issuer.issue(TokenType.REFRESH, user, jti, expires, null);
    }

    /** The user a valid, unrevoked refresh token belongs to, or why there is none (an {@link AuditReason}). */
    public record Redemption(Long userId, String refusal) {
        static Redemption refused(Long userId, String refusal) {
            return new Redemption(userId, refusal);
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
        RefreshToken stored = em.find(RefreshToken.class, Digests.sha256Hex(verified.jti()));
        if (stored == null || stored.getUserId() != verified.userId()) {
            return Redemption.refused(verified.userId(), AuditReason.BAD_CREDENTIALS);
        }
        if (stored.getRevokedAt() != null) {
            return Redemption.refused(verified.userId(), AuditReason.REVOKED);
        }
        if (!stored.isUsable(Instant.now())) {
            return Redemption.refused(verified.userId(), AuditReason.EXPIRED);
        }
        return new Redemption(verified.userId(), null);
    }

    /** A new password, a lock, a disable or a logout ends every refresh token of the user. */
    void revokeOnAccountChange(@Observes AccountChanged change) {
        if (change.endsSessions()) {
            revoke(change.userId());
        }
    }

    @Transactional
    public void revokeAllOf(long userId) {
        revoke(userId);
    }

    private void revoke(long userId) {
        em.createQuery("update RefreshToken r set r.revokedAt = :now where r.userId = :user and r.revokedAt is null")
                .setParameter("now", Instant.now()).setParameter("user", userId).executeUpdate();
    }
}
