package io.gatehouse.account;

/**
 * Makes a refusal last until its floor, so that how long it took tells nothing about why (an unknown
 * account, a wrong password, a blocked name or code all answer alike).
 */
public final class RefusalPace {

    private RefusalPace() {
    }

    /** Sleeps until {@code deadlineNanos} on {@link System#nanoTime()}'s clock; returns at once when it has passed. */
    public static void padTo(long deadlineNanos) {
        long wait = deadlineNanos - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
