package io.gatehouse.account;

import io.gatehouse.operations.LockoutMetrics;
import io.gatehouse.settings.Settings;
import io.gatehouse.settings.SettingsCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed logins per client address over the last hour, across every password path. Past
 * {@code lockout.addressMaxFailures} the address may not try again until old failures age out.
 */
@ApplicationScoped
public class AddressThrottle {

    static final Duration WINDOW = Duration.ofHours(1);
    private static final int MAX_TRACKED_ADDRESSES = 100_000;

    @Inject
    Settings settings;

    @Inject
    LockoutMetrics lockouts;

    private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();

    public boolean isBlocked(String address) {
        Deque<Long> times = failures.get(address);
        if (times == null) {
            return false;
        }
        synchronized (times) {
            prune(times, System.currentTimeMillis());
            return times.size() >= settings.intValue(SettingsCatalog.LOCKOUT_ADDRESS_MAX_FAILURES);
        }
    }

    public void recordFailure(String address) {
        if (failures.size() >= MAX_TRACKED_ADDRESSES) {
            failures.entrySet().removeIf(e -> isStale(e.getValue()));
        }
        Deque<Long> times = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
        long now = System.currentTimeMillis();
        int limit = settings.intValue(SettingsCatalog.LOCKOUT_ADDRESS_MAX_FAILURES);
        synchronized (times) {
            prune(times, now);
            // Keep no more than the limit needs: memory stays bounded per address.
            if (times.size() <= limit) {
                times.addLast(now);
                if (times.size() == limit) {
                    lockouts.address();  // this failure blocks the address
                }
            }
        }
    }

    private static boolean isStale(Deque<Long> times) {
        synchronized (times) {
            prune(times, System.currentTimeMillis());
            return times.isEmpty();
        }
    }

    private static void prune(Deque<Long> times, long now) {
        long cutoff = now - WINDOW.toMillis();
        while (!times.isEmpty() && times.peekFirst() < cutoff) {
            times.pollFirst();
        }
    }
}
