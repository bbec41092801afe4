package io.gatehouse.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * How current this node's view of the other nodes' changes is. A node that could not read the
 * change feed for {@link #BOUND} (cut off from the database, or the database down) may hold
 * outdated credentials: it is stale, answers 503 until it reads again, and then starts over with
 * empty caches, because what it missed may be more than the feed still holds.
 */
@ApplicationScoped
public class FeedFreshness {

    /** Generous against pauses of a busy node (its reads are every 250 ms); the staleness bound of docs/cluster.md. */
    public static final Duration BOUND = Duration.ofSeconds(5);
    /** No read even tried for this long: the node's scheduler is not running the feed at all. */
    static final Duration NOT_TRIED = Duration.ofSeconds(30);
    private static final Logger LOG = Logger.getLogger(FeedFreshness.class.getName());

    @Inject
    Event<FeedResumed> resumed;

    private volatile boolean active;
    private volatile long lastRead;
    /** When the current read began, or 0; when reads began to fail, or 0. */
    private volatile long readingSince;
    private volatile long failingSince;
    private volatile long lastAttempt;
    private final AtomicBoolean reported = new AtomicBoolean();

    /**
     * True when the feed is read on this node, its last successful read began more than
     * {@link #BOUND} ago, and since then reads fail or one hangs (or none was even tried for
     * {@link #NOT_TRIED}). A read that is merely late (the server's scheduler busy, a long garbage
     * collection) does not count: the database was not found away, nothing says a change was missed.
     */
    public boolean stale() {
        if (!active) {
            return false;
        }
        long now = System.nanoTime();
        long reading = readingSince;
        boolean stale = now - lastRead > BOUND.toNanos()
                && (failingSince != 0 || (reading != 0 && now - reading > BOUND.toNanos())
                    || now - lastAttempt > NOT_TRIED.toNanos());
        if (stale && reported.compareAndSet(false, true)) {
            LOG.warning("The change feed could not be read for " + BOUND.toSeconds()
                    + " s: this node answers 503 until it reads it again");
        }
        return stale;
    }

    void started(long readAt) {
        lastRead = readAt;
        lastAttempt = readAt;
        active = true;
    }

    void reading(long readAt) {
        readingSince = readAt;
        lastAttempt = readAt;
    }

    void failed() {
        readingSince = 0;
        if (failingSince == 0) {
            failingSince = System.nanoTime();
        }
    }

    /** After a successful read that began at {@code readAt} (System.nanoTime); ending a gap, every cache starts over first. */
    void read(long readAt) {
        if (stale()) {
            resumed.fire(new FeedResumed());
        }
        lastRead = readAt;
        readingSince = 0;
        failingSince = 0;
        reported.set(false);
    }

    /** This node had stopped reading the feed and reads it again: every cache drops or reloads what it holds. */
    public record FeedResumed() {
    }
}
