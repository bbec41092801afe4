package io.gatehouse.token;

import io.gatehouse.settings.Settings;
import io.gatehouse.settings.SettingsCatalog;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Duration;

/** The first signing key at start-up, and rotation once the active key is older than the setting. */
@Startup
@Singleton
@DependsOn("SchemaMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SigningKeySchedule {

    @Inject
    SigningKeys keys;

    @Inject
    Settings settings;

    @PostConstruct
    void start() {
        keys.ensureActive();
        // Fails the start, with that message, when GATEHOUSE_SECRET is not the key that sealed the database's keys.
        keys.reload();
    }

    @Schedule(hour = "*", minute = "17", persistent = false)
    void rotateWhenDue() {
        if (keys.activeKeyAge().compareTo(Duration.ofDays(settings.intValue(SettingsCatalog.SIGNING_KEY_ROTATION_DAYS))) >= 0) {
            keys.rotate();
        }
        keys.reload();
    }
}
