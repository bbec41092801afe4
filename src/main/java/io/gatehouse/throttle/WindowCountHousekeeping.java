package io.gatehouse.throttle;

import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/** Every minute: counts that no longer count out of the table (each node does it; it is idempotent). */
@Startup
@Singleton
@DependsOn("SchemaMigration")
public class WindowCountHousekeeping {

    @Inject
    WindowCounts counts;

    @Schedule(hour = "*", minute = "*", second = "41", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void run() {
        counts.deleteExpired(System.currentTimeMillis());
    }
}
