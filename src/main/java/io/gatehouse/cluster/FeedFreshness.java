package io.gatehouse.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import java.time.Duration;

/**
 * How current this node's view of the other nodes' changes is. A node that has not read the
 * change feed for {@link #BOUND} (cut off from the database, or the database down) may hold
 * outdated credentials: it is stale, answers 503 until it reads again, and then starts over with
 * empty caches, because what it missed may be more than the feed still holds.
 */
@ApplicationScoped
public class FeedFreshness {

    /** Generous against pauses of a busy node (its reads are every 250 ms); the staleness bound of docs/cluster.md. */
    public static final Duration BOUND = Duration.ofSeconds(5);

    @Inject
    Event<FeedResumed> resumed;

    private volatile boolean active;
    private volatile long lastRead;

    /** True when the feed is read on this node and its last successful read began more than {@link #BOUND} ago. */
    public boolean stale() {
        return active && System.nanoTime() - lastRead > BOUND.toNanos();
    }

    void started(long readAt) {
        lastRead = readAt;
        active = true;
    }

    /** After a successful read that began at {@code readAt} (System.nanoTime); ending a gap, every cache starts over first. */
    void read(long readAt) {
        if (stale()) {
            resumed.fire(new FeedResumed());
        }
        lastRead = readAt;
    }

    /** This node had stopped reading the feed and reads it again: every cache drops or reloads what it holds. */
    public record FeedResumed() {
    }
}
