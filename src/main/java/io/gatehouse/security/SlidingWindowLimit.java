package io.gatehouse.security;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** At most {@code limit} events per key in any window of the given length; memory stays bounded. */
public final class SlidingWindowLimit {

    private static final int MAX_TRACKED_KEYS = 100_000;

    private final int limit;
    private final long windowMillis;
    private final Map<String, Deque<Long>> events = new ConcurrentHashMap<>();

    public SlidingWindowLimit(int limit, Duration window) {
        this.limit = limit;
        this.windowMillis = window.toMillis();
    }

    /** Counts the event and answers true, or answers false and counts nothing when the key is at its limit. */
    public boolean tryAcquire(String key, long nowMillis) {
        if (events.size() >= MAX_TRACKED_KEYS) {
            events.entrySet().removeIf(e -> isStale(e.getValue(), nowMillis));
        }
        Deque<Long> times = events.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            prune(times, nowMillis);
            if (times.size() >= limit) {
                return false;
            }
            times.addLast(nowMillis);
            return true;
        }
    }

    private boolean isStale(Deque<Long> times, long nowMillis) {
        synchronized (times) {
            prune(times, nowMillis);
            return times.isEmpty();
        }
    }

    private void prune(Deque<Long> times, long nowMillis) {
        while (!times.isEmpty() && times.peekFirst() <= nowMillis - windowMillis) {
            times.pollFirst();
        }
    }
}
