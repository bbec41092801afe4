package io.gatehouse.session;

import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Duration;

/**
 * Every half minute: session idle clocks to the database, ended sessions out of it. Started with the
 * application, as every scheduled singleton here: one first created by its timer while the application
 * stops breaks GlassFish's undeployment (its list of singletons to stop changes under it).
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
public class SessionHousekeeping {

    static final Duration PERIOD = Duration.ofSeconds(30);

    @Inject
    SessionService sessions;

    @Schedule(hour = "*", minute = "*", second = "*/30", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void run() {
        sessions.housekeep();
    }
}
