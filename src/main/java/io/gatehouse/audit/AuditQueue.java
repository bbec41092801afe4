package io.gatehouse.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Events waiting to be written, bounded: a flood of failed requests must not exhaust memory, so
 * past the capacity new events are dropped and counted instead of queued.
 */
public final class AuditQueue {

    private final BlockingQueue<AuditEvent> waiting;
    private final AtomicLong droppedSinceReport = new AtomicLong();
    private final AtomicLong droppedTotal = new AtomicLong();

    public AuditQueue(int capacity) {
        waiting = new ArrayBlockingQueue<>(capacity);
    }

    /** Never blocks; false (and counted) when the queue is full. */
    public boolean offer(AuditEvent event) {
        if (waiting.offer(event)) {
            return true;
        }
        droppedSinceReport.incrementAndGet();
        droppedTotal.incrementAndGet();
        return false;
    }

    /** Up to {@code max} of the oldest events, removed from the queue. */
    public List<AuditEvent> drain(int max) {
        List<AuditEvent> batch = new ArrayList<>(Math.min(max, waiting.size()));
        waiting.drainTo(batch, max);
        return batch;
    }

    /** Events dropped since the last call, to report once rather than once per event. */
    public long takeDropped() {
        return droppedSinceReport.getAndSet(0);
    }

    public long droppedTotal() {
        return droppedTotal.get();
    }

    public int size() {
        return waiting.size();
    }
}
