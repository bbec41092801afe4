package io.gatehouse.token;

import io.gatehouse.account.AccountChanged;
import io.gatehouse.account.CallerProfile;
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

    /** The user a valid, unrevoked refresh token belongs to. */
    public Optional<Long> redeem(String token) {
        return verifier.verify(token, TokenType.REFRESH).flatMap(verified -> {
            RefreshToken stored = em.find(RefreshToken.class, Digests.sha256Hex(verified.jti()));
            return stored != null && stored.isUsable(Instant.now()) && stored.getUserId() == verified.userId()
                    ? Optional.of(verified.userId()) : Optional.empty();
        });
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
