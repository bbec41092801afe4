package io.gatehouse.otp;

import io.gatehouse.security.SlidingWindowLimit;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/**
 * How often one-time passwords may be sent: per destination, so nobody floods an inbox or a
 * phone (unknown addresses count too, so the limit reveals nothing), and per OAuth client.
 */
@ApplicationScoped
public class SendThrottle {

    static final int PER_DESTINATION = 5;
    static final int PER_CLIENT = 100;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final SlidingWindowLimit destinations = new SlidingWindowLimit(PER_DESTINATION, WINDOW);
    private final SlidingWindowLimit clients = new SlidingWindowLimit(PER_CLIENT, WINDOW);

    public boolean admitClient(String clientId) {
        return clients.tryAcquire(clientId, System.currentTimeMillis());
    }

    public boolean admitDestination(Destination destination) {
        return destinations.tryAcquire(destination.channel().field() + ":" + destination.address(),
                System.currentTimeMillis());
    }
}
