package io.gatehouse.session;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LiveSessionTest {

    private static final Duration IDLE = Duration.ofMinutes(20);
    private final Instant start = Instant.parse("2026-01-01T10:00:00Z");
    private final LiveSession session = new LiveSession(new Session("hash", 7, start, start.plus(Duration.ofHours(12))));

    private long at(Duration offset) {
        return start.plus(offset).toEpochMilli();
    }

    @Test
    void endsAfterTwentyIdleMinutes() {
        assertTrue(session.isLive(at(Duration.ofMinutes(20)), IDLE));
        assertFalse(session.isLive(at(Duration.ofMinutes(20).plusSeconds(1)), IDLE));
    }

    @Test
    void useMovesTheIdleClockButNeverPastTheAbsoluteEnd() {
        for (int minutes = 15; minutes < 12 * 60; minutes += 15) {
            assertTrue(session.isLive(at(Duration.ofMinutes(minutes)), IDLE), "at " + minutes);
            session.touch(at(Duration.ofMinutes(minutes)));
        }
        assertFalse(session.isLive(at(Duration.ofHours(12)), IDLE), "the absolute maximum ends even a busy session");
    }

    @Test
    void onlyAMovedClockIsWrittenBack() {
        assertEquals(-1, session.unflushed());
        session.touch(at(Duration.ofMinutes(1)));
        assertEquals(at(Duration.ofMinutes(1)), session.unflushed());
        session.flushed(at(Duration.ofMinutes(1)));
        assertEquals(-1, session.unflushed());
        session.touch(at(Duration.ofSeconds(30)));
        assertEquals(-1, session.unflushed(), "the clock never goes back");
    }
}
