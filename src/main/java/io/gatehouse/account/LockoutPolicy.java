package io.gatehouse.account;

import java.time.Duration;

/**
 * How long an account waits after failed logins in a row: nothing below the threshold, then the
 * base wait, doubling with each further failure up to the ceiling.
 */
public record LockoutPolicy(int maxFailures, int waitSeconds, int maxWaitSeconds) {

    public Duration waitAfter(int failuresInARow) {
        if (failuresInARow < maxFailures) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failuresInARow - maxFailures, 30);
        long seconds = Math.min((long) waitSeconds << doublings, maxWaitSeconds);
        return Duration.ofSeconds(Math.max(seconds, 0));
    }
}
