package io.gatehouse.audit;

import io.gatehouse.operations.AuthenticationMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import java.util.List;

/**
 * Where every authentication outcome is reported. Recording only appends to a bounded queue in
 * memory, so it never costs a request a database write; {@link AuditWriter} stores the queue in
 * batches in the background.
 */
@ApplicationScoped
public class AuditLog {

    /** About 2 MB at most; at a thousand failures a second that is ten seconds of writes. */
    static final int CAPACITY = 10_000;

    private final AuditQueue queue = new AuditQueue(CAPACITY);

    @Inject
    AuthenticationMetrics metrics;

    /** Counted for /metrics even when the queue is full and the event itself is dropped. */
    public void record(AuditEvent event) {
        queue.offer(event);
        metrics.record(event.scheme().wireName(), event.outcome() == AuditEvent.Outcome.SUCCESS);
    }

    /**
     * An event fired with {@code Event<AuditEvent>} inside a transaction (an admin's change) is
     * recorded only once that transaction has committed; fired outside one, at once.
     */
    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) AuditEvent event) {
        record(event);
    }

    List<AuditEvent> drain(int max) {
        return queue.drain(max);
    }

    long takeDropped() {
        return queue.takeDropped();
    }

    long droppedTotal() {
        return queue.droppedTotal();
    }
}
