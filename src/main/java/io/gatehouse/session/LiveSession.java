package io.gatehouse.session;

import java.time.Duration;
import java.time.Instant;

/** A session as held in memory: its idle clock moves here, not in the database. */
final class LiveSession {

    final String keyHash;
    final long userId;
    final Instant expiresAt;
    /** Whose session it is and when it began, as a request asks for it (made once, not per request). */
    final SessionService.Resolved resolved;
    private volatile long lastSeenMillis;
    private volatile long flushedMillis;

    LiveSession(Session stored) {
        this.keyHash = stored.getKeyHash();
        this.userId = stored.getUserId();
        this.expiresAt = stored.getExpiresAt();
        this.resolved = new SessionService.Resolved(stored.getUserId(), stored.getCreatedAt());
        this.lastSeenMillis = stored.getLastSeenAt().toEpochMilli();
        this.flushedMillis = lastSeenMillis;
    }

    /** Live when used within the idle time and before the absolute end. */
    boolean isLive(long nowMillis, Duration idle) {
        return nowMillis < expiresAt.toEpochMilli() && nowMillis - lastSeenMillis <= idle.toMillis();
    }

    void touch(long nowMillis) {
        if (nowMillis > lastSeenMillis) {
            lastSeenMillis = nowMillis;
        }
    }

    /** The idle clock to write, or -1 when the database already has it. */
    long unflushed() {
        long seen = lastSeenMillis;
        return seen > flushedMillis ? seen : -1;
    }

    void flushed(long millis) {
        flushedMillis = millis;
    }
}
