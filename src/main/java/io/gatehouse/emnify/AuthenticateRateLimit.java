package io.gatehouse.emnify;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** emnify's rule for {@code /api/v1/authenticate}: at most 100 requests per address per 5 minutes. */
@ApplicationScoped
public class AuthenticateRateLimit {

    static final int LIMIT = 100;
    static final Duration WINDOW = Duration.ofMinutes(5);
    private static final int MAX_TRACKED_ADDRESSES = 100_000;

    private final Map<String, Deque<Long>> requests = new ConcurrentHashMap<>();

    /** Counts the request; false when the address is over the limit. */
    public boolean admit(String address) {
        long now = System.currentTimeMillis();
        if (requests.size() >= MAX_TRACKED_ADDRESSES) {
            requests.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    return e.getValue().isEmpty() || e.getValue().peekLast() < now - WINDOW.toMillis();
                }
            });
        }
        Deque<Long> times = requests.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst() < now - WINDOW.toMillis()) {
                times.pollFirst();
            }
            if (times.size() >= LIMIT) {
                return false;
            }
            times.addLast(now);
            return true;
        }
    }
}
