package io.gatehouse.token;

import io.gatehouse.cluster.FeedFreshness.FeedResumed;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens revoked before their expiry (RFC 7009). Stored until they expire and held in
 * memory, so that a Bearer check stays a map look-up; every node hears of a revocation through the
 * change feed, and a restarted node reads them back.
 */
@ApplicationScoped
public class AccessTokenRevocations {

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @Inject
    Event<Revoked> revoked;

    /** By jti, with the token's expiry (epoch millis). */
    private final Map<String, Long> known = new ConcurrentHashMap<>();

    /** An access token that no node may accept any more. */
    public record Revoked(String jti, long expiresAtMillis) {
    }

    @PostConstruct
    void load() {
        em.createQuery("select r from RevokedToken r where r.expiresAt > :now", RevokedToken.class)
                .setParameter("now", Instant.now()).getResultList()
                .forEach(r -> known.put(r.getJti(), r.getExpiresAt().toEpochMilli()));
    }

    public boolean isRevoked(String jti) {
        return known.containsKey(jti);
    }

    @Transactional
    public void revoke(VerifiedToken token) {
        Instant now = Instant.now();
        em.createQuery("delete from RevokedToken r where r.expiresAt < :now").setParameter("now", now).executeUpdate();
        if (em.find(RevokedToken.class, token.jti()) == null) {
            em.persist(new RevokedToken(token.jti(), Instant.ofEpochMilli(token.expiresAtMillis())));
            em.flush();
            revoked.fire(new Revoked(token.jti(), token.expiresAtMillis()));
        }
    }

    /** Here after the commit, and on every other node (replayed). */
    void remember(@Observes(during = TransactionPhase.AFTER_SUCCESS) Revoked event) {
        long now = System.currentTimeMillis();
        known.values().removeIf(expiry -> expiry + TokenVerifier.LEEWAY_SECONDS * 1000L < now);
        known.put(event.jti(), event.expiresAtMillis());
    }

    /** This node missed changes for a while (docs/cluster.md): read them all again. */
    void startOver(@Observes FeedResumed resumed) {
        load();
    }
}
