package io.gatehouse.emnify;

import io.gatehouse.security.SlidingWindowLimit;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/** emnify's rule for {@code /api/v1/authenticate}: at most 100 requests per address per 5 minutes. */
@ApplicationScoped
public class AuthenticateRateLimit {

    private final SlidingWindowLimit perAddress = new SlidingWindowLimit(100, Duration.ofMinutes(5));

    /** Counts the request; false when the address is over the limit. */
    public boolean admit(String address) {
        return perAddress.tryAcquire(address, System.currentTimeMillis());
    }
}
