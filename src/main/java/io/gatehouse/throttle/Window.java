package io.gatehouse.throttle;

import java.time.Duration;

/**
 * A limit's time window, counted in slots of a tenth of it. A hit counts for the slot it falls in
 * and the ten after it: for at least one whole window (never less, so "at most N per window"
 * holds) and at most a tenth longer.
 *
 * @param name the limit's name in the count table
 */
public record Window(String name, Duration length) {

    static final int SLOTS = 10;

    public Window {
        if (name.length() > 32 || length.toMillis() < SLOTS) {
            throw new IllegalArgumentException("window " + name + ": " + length);
        }
    }

    long slotMillis() {
        return length.toMillis() / SLOTS;
    }

    long slot(long nowMillis) {
        return nowMillis / slotMillis();
    }

    /** The oldest slot whose hits still count at {@code slot}. */
    long firstCounted(long slot) {
        return slot - SLOTS;
    }

    /** When a slot's hits stop counting, in epoch milliseconds. */
    long expiresAt(long slot) {
        return (slot + SLOTS + 1) * slotMillis();
    }
}
