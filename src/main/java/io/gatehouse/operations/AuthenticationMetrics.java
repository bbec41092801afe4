package io.gatehouse.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code gatehouse_authentications_total{scheme, result}}: every outcome the audit log records,
 * by its scheme ({@code session_login}, {@code basic}, {@code oauth_password}, ...) and
 * {@code success} or {@code failure}. Deliberately no reason: "unknown user" against "wrong
 * password" is exactly what a refused caller must not learn, and /metrics may be public.
 */
@ApplicationScoped
public class AuthenticationMetrics {

    private MeterRegistry registry;
    /** Per scheme: [failure, success]. The schemes are an enum's names, so the map stays small. */
    private final Map<String, Counter[]> bySchemes = new ConcurrentHashMap<>();

    AuthenticationMetrics() {
        // for the CDI proxy
    }

    @Inject
    AuthenticationMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Cheap enough for every audited event: a map read and an adder, no lock. */
    public void record(String scheme, boolean success) {
        Counter[] pair = bySchemes.get(scheme);
        if (pair == null) {
            pair = bySchemes.computeIfAbsent(scheme, this::register);
        }
        pair[success ? 1 : 0].increment();
    }

    private Counter[] register(String scheme) {
        return new Counter[] {counter(scheme, "failure"), counter(scheme, "success")};
    }

    private Counter counter(String scheme, String result) {
        return Counter.builder("gatehouse.authentications")
                .description("Authentication outcomes as the audit log records them")
                .tag("scheme", scheme)
                .tag("result", result)
                .register(registry);
    }
}
