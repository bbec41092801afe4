package io.gatehouse.throttle;

import io.gatehouse.crypto.Digests;
import io.gatehouse.persistence.ConnectionFailures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Limits per client address, destination or client, counted in the database so that every node
 * sees one count: requests spread over a cluster's nodes are counted together, as on one node.
 * Subjects are stored as SHA-256 hashes: the table names no address or e-mail.
 */
@ApplicationScoped
public class SharedLimits {

    /** Tries of one hit: two first hits in one slot at once, or a deadlock the database broke. */
    private static final int ATTEMPTS = 3;

    @Inject
    WindowCounts counts;

    /** Counts a hit and answers true, or answers false and counts nothing when the window holds {@code max}. */
    public boolean tryAcquire(Window window, String subject, int max) {
        return hit(window, subject, max) <= max;
    }

    /** Counts a hit; answers the window's hits with it. */
    public int record(Window window, String subject) {
        return hit(window, subject, Integer.MAX_VALUE);
    }

    /** The window's hits so far. */
    public int count(Window window, String subject) {
        return counts.count(window, Digests.sha256Hex(subject), System.currentTimeMillis());
    }

    /** Forgets the subject's hits in the window: a success that ends a run of failures. */
    public void clear(Window window, String subject) {
        String key = Digests.sha256Hex(subject);
        for (int attempt = 1; ; attempt++) {
            try {
                counts.delete(window, key);
                return;
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS || !ConnectionFailures.isRolledBackToRetry(e)) {
                    throw e;
                }
            }
        }
    }

    private int hit(Window window, String subject, int max) {
        String key = Digests.sha256Hex(subject);
        for (int attempt = 1; ; attempt++) {
            try {
                return counts.add(window, key, System.currentTimeMillis(), max);
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS || !(ConnectionFailures.isDuplicateKey(e) || ConnectionFailures.isRolledBackToRetry(e))) {
                    throw e;
                }
            }
        }
    }
}
