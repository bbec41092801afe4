package io.gatehouse.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.EnumMap;
import java.util.Map;

/** {@code gatehouse_tokens_issued_total{dialect, grant}}: tokens handed out, counted once they are. */
@ApplicationScoped
public class TokenMetrics {

    private final Map<IssuedToken, Counter> counters = new EnumMap<>(IssuedToken.class);

    TokenMetrics() {
        // for the CDI proxy
    }

    /** Every series exists from the start, at zero, so a rate over a quiet period is 0 rather than absent. */
    @Inject
    TokenMetrics(MeterRegistry registry) {
        for (IssuedToken kind : IssuedToken.values()) {
            counters.put(kind, Counter.builder("gatehouse.tokens.issued")
                    .description("Tokens issued, by dialect and grant")
                    .tag("dialect", kind.dialect())
                    .tag("grant", kind.grant())
                    .register(registry));
        }
    }

    /** Made at start-up, so that every series is on /metrics, at zero, before its first event. */
    void atStart(@Observes @Initialized(ApplicationScoped.class) Object start) {
        // nothing more: observing made the bean
    }

    /** @param kind null counts nothing (a grant that issued no token) */
    public void issued(IssuedToken kind) {
        if (kind != null) {
            counters.get(kind).increment();
        }
    }
}
