package io.gatehouse.security;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlidingWindowLimitTest {

    private static final long MINUTE = 60_000;

    @Test
    void admitsTheLimitPerKeyThenRefusesUntilTheOldestAgesOut() {
        SlidingWindowLimit limit = new SlidingWindowLimit(3, Duration.ofMinutes(15));
        assertTrue(limit.tryAcquire("a", 0));
        assertTrue(limit.tryAcquire("a", MINUTE));
        assertTrue(limit.tryAcquire("a", 2 * MINUTE));
        assertFalse(limit.tryAcquire("a", 3 * MINUTE));
        assertTrue(limit.tryAcquire("b", 3 * MINUTE), "each key has its own count");
        assertFalse(limit.tryAcquire("a", 15 * MINUTE - 1));
        assertTrue(limit.tryAcquire("a", 15 * MINUTE), "the first send has left the window");
        assertFalse(limit.tryAcquire("a", 15 * MINUTE + 1), "a refusal is not counted, but the others still are");
    }
}
