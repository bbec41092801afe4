package io.gatehouse.session;

import io.gatehouse.cluster.FeedFreshness.FeedResumed;
import io.gatehouse.account.AccountChanged;
import io.gatehouse.crypto.Digests;
import io.gatehouse.crypto.RandomTokens;
import io.gatehouse.settings.Settings;
import io.gatehouse.settings.SettingsCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Login sessions. A request's key is checked against memory; the database is read only on a
 * miss and written only at login, logout and by {@link SessionHousekeeping}'s periodic flush.
 */
@ApplicationScoped
public class SessionService {

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @Inject
    Settings settings;

    @Inject
    Event<SessionEnded> ended;

    private final Map<String, LiveSession> live = new ConcurrentHashMap<>();

    /** A fresh session for the user; returns the key, which is never stored. */
    @Transactional
    public String start(long userId) {
        String key = RandomTokens.sessionKey();
        Instant now = Instant.now();
        Session session = new Session(Digests.sha256Hex(key), userId, now,
                now.plus(Duration.ofHours(settings.intValue(SettingsCatalog.SESSION_MAX_HOURS))));
        em.persist(session);
        live.put(session.getKeyHash(), new LiveSession(session));
        return key;
    }

    /** A live session's user and when it began (a credential's issue time, for {@code CredentialCheck}). */
    public record Resolved(long userId, Instant issuedAt) {
    }

    /** The session's user and start, if the key names a live session; moves its idle clock. */
    public Optional<Resolved> resolve(String key) {
        String hash = Digests.sha256Hex(key);
        LiveSession session = live.get(hash);
        if (session == null) {
            Session stored = em.find(Session.class, hash);
            if (stored == null) {
                return Optional.empty();
            }
            session = live.computeIfAbsent(hash, h -> new LiveSession(stored));
        }
        long now = System.currentTimeMillis();
        if (!session.isLive(now, idle())) {
            live.remove(hash);
            // Idle here, but another node may have served it since: its flushed clock is in the row.
            Session stored = em.find(Session.class, hash);
            if (stored == null) {
                return Optional.empty();
            }
            session = new LiveSession(stored);
            if (!session.isLive(now, idle())) {
                return Optional.empty();
            }
            live.put(hash, session);
        }
        session.touch(now);
        return Optional.of(session.resolved);
    }

    @Transactional
    public void end(String key) {
        String hash = Digests.sha256Hex(key);
        live.remove(hash);
        em.createQuery("delete from Session s where s.keyHash = :hash").setParameter("hash", hash).executeUpdate();
        ended.fire(new SessionEnded(hash));
    }

    /** A logout, here or (replayed) on another node: no copy of the session outlives it. */
    void forget(@Observes(during = TransactionPhase.AFTER_COMPLETION) SessionEnded event) {
        live.remove(event.keyHash());
    }

    /** A session that ended, named by the hash of its key. */
    public record SessionEnded(String keyHash) {
    }

    /** Within the transaction that revoked the user's credentials: their sessions go with it. */
    void deleteOnRevoke(@Observes @Default AccountChanged change) {
        if (change.endsSessions()) {
            em.createQuery("delete from Session s where s.userId = :user")
                    .setParameter("user", change.userId()).executeUpdate();
        }
    }

    /** Once that transaction is over: no node-local copy outlives it. */
    void evictOnRevoke(@Observes(during = TransactionPhase.AFTER_COMPLETION) AccountChanged change) {
        if (change.endsSessions()) {
            live.values().removeIf(s -> s.userId == change.userId());
        }
    }

    /** Writes moved idle clocks, then removes sessions past their end from memory and the database. */
    @Transactional
    public void housekeep() {
        long now = System.currentTimeMillis();
        Duration idle = idle();
        for (LiveSession session : live.values()) {
            long seen = session.unflushed();
            if (seen > 0) {
                em.createQuery("update Session s set s.lastSeenAt = :seen where s.keyHash = :hash and s.lastSeenAt < :seen")
                        .setParameter("seen", Instant.ofEpochMilli(seen))
                        .setParameter("hash", session.keyHash)
                        .executeUpdate();
                session.flushed(seen);
            }
        }
        live.values().removeIf(s -> !s.isLive(now, idle));
        // A margin past the idle time: another node may still hold a newer, unflushed clock.
        Instant idleCutoff = Instant.ofEpochMilli(now).minus(idle).minus(SessionHousekeeping.PERIOD.multipliedBy(2));
        em.createQuery("delete from Session s where s.expiresAt < :now or s.lastSeenAt < :idleCutoff")
                .setParameter("now", Instant.ofEpochMilli(now))
                .setParameter("idleCutoff", idleCutoff)
                .executeUpdate();
    }

    private Duration idle() {
        return Duration.ofMinutes(settings.intValue(SettingsCatalog.SESSION_IDLE_MINUTES));
    }

    /** This node missed changes for a while (docs/cluster.md): sessions are read from their rows again. */
    void startOver(@Observes FeedResumed resumed) {
        live.clear();
    }
}
