package io.gatehouse.throttle;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WindowTest {

    private final Window fiveMinutes = new Window("test", Duration.ofMinutes(5));

    @Test
    void slotWhenTimePassesThenEachTenthOfTheWindowIsOneSlot() {
        assertEquals(0, fiveMinutes.slot(29_999));
        assertEquals(1, fiveMinutes.slot(30_000));
        assertEquals(10, fiveMinutes.slot(300_000));
    }

    @Test
    void firstCountedWhenAHitIsAWindowOldThenItStillCounts() {
        // A hit at the very end of slot 0 is a whole window old only late in slot 10.
        long hit = 29_999;
        long aWindowLater = hit + Duration.ofMinutes(5).toMillis();
        long slotThen = fiveMinutes.slot(aWindowLater);
        assertTrue(fiveMinutes.firstCounted(slotThen) <= fiveMinutes.slot(hit));
    }

    @Test
    void expiresAtWhenASlotStopsCountingThenItIsAtMostATenthLaterThanAWindow() {
        long slot = fiveMinutes.slot(0);
        long expires = fiveMinutes.expiresAt(slot);
        assertEquals(fiveMinutes.firstCounted(fiveMinutes.slot(expires)), slot + 1);
        assertTrue(expires <= Duration.ofMinutes(5).plusSeconds(60).toMillis());
    }

    @Test
    void constructorWhenTheNameDoesNotFitTheTableThenItIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Window("x".repeat(33), Duration.ofMinutes(1)));
    }
}
