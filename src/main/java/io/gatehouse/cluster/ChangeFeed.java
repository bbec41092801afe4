package io.gatehouse.cluster;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.TreeSet;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every node's ear on the change feed: four times a second it reads the rows other nodes wrote
 * and fires each event again, {@link Replayed}, so that every cache drops what another
 * node's change outdated within about half a second of the commit. A row whose transaction took an
 * id early but committed late still counts: rows are read again until they are ten seconds old.
 * Each successful read tells {@link FeedFreshness}: a node that cannot read stops serving.
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
public class ChangeFeed {

    private static final Logger LOG = Logger.getLogger(ChangeFeed.class.getName());
    static final Duration INTERVAL = Duration.ofMillis(250);
    /** How late a transaction may commit a row after taking its id. */
    static final Duration LATE_COMMITS = Duration.ofSeconds(10);
    static final Duration KEEP = Duration.ofHours(1);

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    ClusterChanges changes;

    /** {@code @Any}: a replay carries {@link Replayed} only, never {@code @Default}, or it would be published again. */
    @Inject
    @Any
    Event<Object> events;

    @Inject
    NewTransaction transaction;

    @Inject
    FeedFreshness freshness;

    /** Every row at or below it has been replayed or is older than {@link #LATE_COMMITS}. */
    private long floor;
    private final TreeSet<Long> seen = new TreeSet<>();
    private final Deque<long[]> marks = new ArrayDeque<>();  // {nanoTime, newest id seen by then}
    private ScheduledFuture<?> task;
    private ScheduledFuture<?> pruning;
    private final Object lock = new Object();
    private boolean stopped;
    private boolean failing;

    @PostConstruct
    void start() {
        if (!ClusterChanges.shared()) {
            return;  // one node on the embedded database: nobody to hear from
        }
        transaction.run(() -> floor = changes.newest());  // history is already in the database this node will read from
        freshness.started(System.nanoTime());
        task = scheduler.scheduleWithFixedDelay(this::poll, INTERVAL.toMillis(), INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        // Pruning runs apart: a delete waiting on row locks must never hold up a read.
        pruning = scheduler.scheduleWithFixedDelay(this::prune, 1, 1, TimeUnit.MINUTES);
    }

    /** Waits for a read under way: after this, the feed opens no connection (the embedded database closes next). */
    @PreDestroy
    void stop() {
        synchronized (lock) {
            stopped = true;
            if (task != null) {
                task.cancel(false);
                pruning.cancel(false);
            }
        }
    }

    private void poll() {
        synchronized (lock) {
            if (!stopped) {
                readOnce();
            }
        }
    }

    private void readOnce() {
        freshness.reading(System.nanoTime());
        try {
            // One transaction per read: reads here, and the observers that reload state from the
            // database (settings, clients), need one on this thread; dropping a cache follows its commit.
            transaction.run(this::read);
            if (failing) {
                failing = false;
                LOG.info("The change feed is read again");
            }
        } catch (RuntimeException | Error e) {
            // Whatever it was, the next read comes: an exception escaping a periodic task would end it.
            freshness.failed();
            if (!failing) {  // once per outage, not four times a second
                failing = true;
                LOG.log(Level.WARNING, "The change feed could not be read: {0}", e.toString());
            }
        }
    }

    private void read() {
        long now = System.nanoTime();
        // Rows first, then the news that this node is current again (which empties every cache after a gap).
        for (ClusterChange row : changes.after(floor)) {
            // This node's own changes took effect here when they committed: replaying them could
            // only step back (a reload reading before a newer local change had committed).
            if (seen.add(row.getId()) && !ClusterChanges.NODE.equals(row.getOrigin())) {
                replay(row);
            }
        }
        advanceFloor(now);
        freshness.read(now);
    }

    private void prune() {
        try {
            transaction.run(() -> changes.deleteBefore(Instant.now().minus(KEEP)));
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "The change feed could not be pruned", e);  // the next minute tries again
        }
    }

    private void replay(ClusterChange row) {
        try {
            ReplicatedEvents.decode(row.getTopic(), row.getPayload())
                    .ifPresent(event -> events.select(Replayed.Literal.INSTANCE).fire(event));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Change " + row.getId() + " (" + row.getTopic() + ") could not be applied", e);
        }
    }

    private void advanceFloor(long now) {
        marks.addLast(new long[]{now, seen.isEmpty() ? floor : Math.max(floor, seen.last())});
        while (!marks.isEmpty() && now - marks.peekFirst()[0] > LATE_COMMITS.toNanos()) {
            floor = Math.max(floor, marks.pollFirst()[1]);
        }
        seen.headSet(floor, true).clear();
    }
}
