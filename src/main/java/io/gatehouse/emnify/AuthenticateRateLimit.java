package io.gatehouse.emnify;

import io.gatehouse.net.ClientNetwork;
import io.gatehouse.throttle.SharedLimits;
import io.gatehouse.throttle.Window;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;

/**
 * emnify's rule for {@code /api/v1/authenticate}: at most 100 requests per address per 5 minutes,
 * on all nodes together; an IPv6 client counts by its /64 ({@link ClientNetwork}).
 */
@ApplicationScoped
public class AuthenticateRateLimit {

    static final int LIMIT = 100;
    static final Window WINDOW = new Window("emnify-authenticate", Duration.ofMinutes(5));

    @Inject
    SharedLimits limits;

    /** Counts the request; false (and not counted) when the address is over the limit. */
    public boolean admit(String address) {
        return limits.tryAcquire(WINDOW, ClientNetwork.of(address), LIMIT);
    }
}
