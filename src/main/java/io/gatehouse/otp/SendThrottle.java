package io.gatehouse.otp;

import io.gatehouse.throttle.SharedLimits;
import io.gatehouse.throttle.Window;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;

/**
 * How often one-time passwords may be sent, on all nodes together: per destination, so nobody
 * floods an inbox or a phone (unknown addresses count too, so the limit reveals nothing), and per
 * OAuth client.
 */
@ApplicationScoped
public class SendThrottle {

    static final int PER_DESTINATION = 5;
    static final int PER_CLIENT = 100;
    static final Window DESTINATIONS = new Window("otp-destination", Duration.ofMinutes(15));
    static final Window CLIENTS = new Window("otp-client", Duration.ofMinutes(15));

    @Inject
    SharedLimits limits;

    public boolean admitClient(String clientId) {
        return limits.tryAcquire(CLIENTS, clientId, PER_CLIENT);
    }

    public boolean admitDestination(Destination destination) {
        return limits.tryAcquire(DESTINATIONS, destination.channel().field() + ":" + destination.address(), PER_DESTINATION);
    }
}
