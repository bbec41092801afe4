package io.gatehouse.account;

import io.gatehouse.net.ClientNetwork;
import io.gatehouse.operations.LockoutMetrics;
import io.gatehouse.settings.Settings;
import io.gatehouse.settings.SettingsCatalog;
import io.gatehouse.throttle.SharedLimits;
import io.gatehouse.throttle.Window;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;

/**
 * Failed logins per client address over the last hour, across every password path and every
 * node. Past {@code lockout.addressMaxFailures} the address may not try again until old failures
 * age out. An IPv6 client counts by its /64 ({@link ClientNetwork}).
 */
@ApplicationScoped
public class AddressThrottle {

    static final Window FAILURES = new Window("login-failures", Duration.ofHours(1));

    @Inject
    Settings settings;

    @Inject
    SharedLimits limits;

    @Inject
    LockoutMetrics lockouts;

    public boolean isBlocked(String address) {
        return limits.count(FAILURES, ClientNetwork.of(address)) >= limit();
    }

    public void recordFailure(String address) {
        if (limits.record(FAILURES, ClientNetwork.of(address)) == limit()) {
            lockouts.address();  // this failure blocks the address
        }
    }

    private int limit() {
        return settings.intValue(SettingsCatalog.LOCKOUT_ADDRESS_MAX_FAILURES);
    }
}
