package io.gatehouse.account;

import io.gatehouse.cluster.FeedFreshness.FeedResumed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Users by id, so an authenticated request reads no database row in the steady state. */
@ApplicationScoped
public class ProfileCache {

    @PersistenceContext(unitName = "gatehouse")
    private EntityManager em;

    private final Map<Long, CallerProfile> profiles = new ConcurrentHashMap<>();
    /** Bumped on every eviction: a load that raced with a change is not cached. */
    private final AtomicLong generation = new AtomicLong();

    public Optional<CallerProfile> find(long userId) {
        CallerProfile cached = profiles.get(userId);
        if (cached != null) {
            return Optional.of(cached);
        }
        long before = generation.get();
        User user = em.find(User.class, userId);
        if (user == null) {
            return Optional.empty();
        }
        CallerProfile loaded = CallerProfile.of(user);
        if (generation.get() == before) {
            profiles.put(userId, loaded);
        }
        return Optional.of(loaded);
    }

    void onChange(@Observes(during = TransactionPhase.AFTER_COMPLETION) AccountChanged change) {
        generation.incrementAndGet();
        profiles.remove(change.userId());
    }

    /** This node missed changes for a while (docs/cluster.md): nothing it cached is trusted. */
    void startOver(@Observes FeedResumed resumed) {
        generation.incrementAndGet();
        profiles.clear();
    }
}
