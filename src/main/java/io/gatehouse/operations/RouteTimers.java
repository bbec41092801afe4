package io.gatehouse.operations;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The request timers of one path template, one per method and status, each made on first use and
 * then found by two array reads: timing a request allocates nothing. Labels stay bounded: eight
 * method names and the statuses 100 to 599.
 */
final class RouteTimers {

    static final String METER = "http.server.requests";
    private static final String[] METHODS = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "OTHER"};
    private static final int OTHER_STATUS = 500;  // the slot after 100..599
    /** Prometheus' usual latency buckets, from 5 ms to 10 s. */
    private static final Duration[] BUCKETS = {
            Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)};

    private final MeterRegistry registry;
    private final String uri;
    private final AtomicReferenceArray<AtomicReferenceArray<Timer>> byMethod =
            new AtomicReferenceArray<>(METHODS.length);

    RouteTimers(MeterRegistry registry, String uri) {
        this.registry = registry;
        this.uri = uri;
    }

    Timer timer(String method, int status) {
        int m = methodIndex(method);
        AtomicReferenceArray<Timer> byStatus = byMethod.get(m);
        if (byStatus == null) {
            byMethod.compareAndSet(m, null, new AtomicReferenceArray<>(OTHER_STATUS + 1));
            byStatus = byMethod.get(m);
        }
        int s = status >= 100 && status <= 599 ? status - 100 : OTHER_STATUS;
        Timer timer = byStatus.get(s);
        if (timer == null) {
            // Registering twice in a race is harmless: the registry hands back the same timer.
            timer = Timer.builder(METER)
                    .description("Requests served, by method, path template and status")
                    .tag("method", METHODS[m])
                    .tag("uri", uri)
                    .tag("status", s == OTHER_STATUS ? "other" : String.valueOf(status))
                    .serviceLevelObjectives(BUCKETS)
                    .register(registry);
            byStatus.set(s, timer);
        }
        return timer;
    }

    private static int methodIndex(String method) {
        return switch (method) {
            case "GET" -> 0;
            case "HEAD" -> 1;
            case "POST" -> 2;
            case "PUT" -> 3;
            case "PATCH" -> 4;
            case "DELETE" -> 5;
            case "OPTIONS" -> 6;
            default -> 7;
        };
    }
}
