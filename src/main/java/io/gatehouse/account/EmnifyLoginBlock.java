package io.gatehouse.account;

import io.gatehouse.throttle.SharedLimits;
import io.gatehouse.throttle.Window;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;

/**
 * emnify's rule for its password login: three failures in a row block the user name for five
 * minutes. Counted per user name, whether an account has it or not, so that the block tells
 * nobody which accounts exist; on all nodes together; a success clears the count.
 */
@ApplicationScoped
public class EmnifyLoginBlock {

    static final int MAX_FAILURES = 3;
    static final Window FAILURES = new Window("emnify-login-failures", Duration.ofMinutes(5));

    @Inject
    SharedLimits limits;

    /**
     * Counts the attempt as a failure before it is tried, so that parallel guesses are counted one
     * by one too; false (and not counted) when three failures already block the name.
     */
    boolean admit(String username) {
        return limits.tryAcquire(FAILURES, username, MAX_FAILURES);
    }

    /** The attempt was a success: the failures before it no longer count. */
    void succeeded(String username) {
        limits.clear(FAILURES, username);
    }
}
