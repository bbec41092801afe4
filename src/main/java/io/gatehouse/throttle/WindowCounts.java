package io.gatehouse.throttle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * The count table behind {@link SharedLimits}: one row per limit, subject and slot. Plain SQL
 * that every supported database runs alike; each change commits on its own, whatever becomes of
 * the request's transaction, since a refused login must stay counted.
 */
@ApplicationScoped
class WindowCounts {

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    /**
     * Adds a hit at {@code nowMillis} and answers the window's hits with it; above {@code max} the
     * hit is taken back, so a refused request does not count. The slot row's lock, taken by the
     * first statement, makes concurrent hits on one subject (on any node) count one by one.
     * Two first hits in a new slot at once: one fails on the primary key, and the caller tries again.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    int add(Window window, String subject, long nowMillis, int max) {
        long slot = window.slot(nowMillis);
        int updated = em.createNativeQuery("update gh_window_count set hits = hits + 1"
                        + " where limiter = ?1 and subject = ?2 and slot = ?3")
                .setParameter(1, window.name()).setParameter(2, subject).setParameter(3, slot)
                .executeUpdate();
        if (updated == 0) {
            em.createNativeQuery("insert into gh_window_count (limiter, subject, slot, hits, expires_ms)"
                            + " values (?1, ?2, ?3, 1, ?4)")
                    .setParameter(1, window.name()).setParameter(2, subject).setParameter(3, slot)
                    .setParameter(4, window.expiresAt(slot))
                    .executeUpdate();
        }
        int hits = hits(window, subject, slot);
        if (hits > max) {
            em.createNativeQuery("update gh_window_count set hits = hits - 1"
                            + " where limiter = ?1 and subject = ?2 and slot = ?3")
                    .setParameter(1, window.name()).setParameter(2, subject).setParameter(3, slot)
                    .executeUpdate();
        }
        return hits;
    }

    /** The hits in the window that ends now. */
    int count(Window window, String subject, long nowMillis) {
        return hits(window, subject, window.slot(nowMillis));
    }

    private int hits(Window window, String subject, long slot) {
        Object sum = em.createNativeQuery("select sum(hits) from gh_window_count"
                        + " where limiter = ?1 and subject = ?2 and slot >= ?3 and slot <= ?4")
                .setParameter(1, window.name()).setParameter(2, subject)
                .setParameter(3, window.firstCounted(slot)).setParameter(4, slot)
                .getSingleResult();
        return sum == null ? 0 : ((Number) sum).intValue();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void delete(Window window, String subject) {
        em.createNativeQuery("delete from gh_window_count where limiter = ?1 and subject = ?2")
                .setParameter(1, window.name()).setParameter(2, subject)
                .executeUpdate();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    int deleteExpired(long nowMillis) {
        return em.createNativeQuery("delete from gh_window_count where expires_ms < ?1")
                .setParameter(1, nowMillis).executeUpdate();
    }
}
