package io.gatehouse.account;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LockoutPolicyTest {

    private final LockoutPolicy policy = new LockoutPolicy(10, 60, 900);

    @Test
    void noWaitBelowTheThreshold() {
        assertEquals(Duration.ZERO, policy.waitAfter(0));
        assertEquals(Duration.ZERO, policy.waitAfter(9));
    }

    @Test
    void theWaitDoublesWithEachFurtherFailureUpToTheCeiling() {
        assertEquals(Duration.ofSeconds(60), policy.waitAfter(10));
        assertEquals(Duration.ofSeconds(120), policy.waitAfter(11));
        assertEquals(Duration.ofSeconds(240), policy.waitAfter(12));
        assertEquals(Duration.ofSeconds(480), policy.waitAfter(13));
        assertEquals(Duration.ofSeconds(900), policy.waitAfter(14));
        assertEquals(Duration.ofSeconds(900), policy.waitAfter(1_000_000), "no overflow");
    }
}
