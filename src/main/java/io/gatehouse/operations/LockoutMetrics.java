package io.gatehouse.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * {@code gatehouse_lockouts_total{kind}}: an account ({@code account}) or a client address
 * ({@code address}) entered a failed-login lockout. A rise means someone is guessing passwords.
 */
@ApplicationScoped
public class LockoutMetrics {

    private Counter accounts;
    private Counter addresses;

    LockoutMetrics() {
        // for the CDI proxy
    }

    @Inject
    LockoutMetrics(MeterRegistry registry) {
        accounts = counter(registry, "account");
        addresses = counter(registry, "address");
    }

    /** Made at start-up, so that every series is on /metrics, at zero, before its first event. */
    void atStart(@Observes @Initialized(ApplicationScoped.class) Object start) {
        // nothing more: observing made the bean
    }

    private static Counter counter(MeterRegistry registry, String kind) {
        return Counter.builder("gatehouse.lockouts")
                .description("Failed-login lockouts that began, of accounts and of client addresses")
                .tag("kind", kind)
                .register(registry);
    }

    public void account() {
        accounts.increment();
    }

    public void address() {
        addresses.increment();
    }
}
