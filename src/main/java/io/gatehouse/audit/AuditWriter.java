package io.gatehouse.audit;

import jakarta.annotation.PreDestroy;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every second: the queued audit events into the database, a batch per transaction. Started with the
 * application, as every scheduled singleton here (see SessionHousekeeping).
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AuditWriter {

    private static final Logger LOG = Logger.getLogger(AuditWriter.class.getName());
    static final int BATCH = 500;
    /** A flood is written at this pace at most; the rest waits or, once the queue is full, is dropped. */
    static final int MAX_BATCHES_PER_RUN = 20;

    @Inject
    AuditLog log;

    @Inject
    AuditStore store;

    @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
    void run() {
        writeWaiting();
    }

    /** What is still queued when the application stops. */
    @PreDestroy
    void flush() {
        try {
            writeWaiting();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Audit events queued at shutdown were not written", e);
        }
    }

    private void writeWaiting() {
        long dropped = log.takeDropped();
        if (dropped > 0) {
            LOG.warning("Audit queue full: " + dropped + " events dropped in the last second ("
                    + log.droppedTotal() + " since start)");
        }
        for (int i = 0; i < MAX_BATCHES_PER_RUN; i++) {
            List<AuditEvent> batch = log.drain(BATCH);
            if (batch.isEmpty()) {
                return;
            }
            try {
                store.append(batch);
            } catch (RuntimeException e) {
                // Not re-queued: an event the database refuses would be refused forever.
                LOG.log(Level.WARNING, "Could not write " + batch.size() + " audit events", e);
                return;
            }
        }
    }
}
