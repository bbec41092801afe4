package io.gatehouse.operations;

import io.gatehouse.security.AuthScheme;
import io.gatehouse.security.GatehouseAuthenticationMechanism;
import io.gatehouse.security.SchemeResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.MappingMatch;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * What a finished request tells /metrics: its latency under its path template
 * ({@code http_server_requests_seconds}), and which credential form it authenticated with
 * ({@code gatehouse_authenticated_requests_total}: the steady state the audit log leaves out).
 */
@ApplicationScoped
public class RequestMetrics {

    /** The request attribute holding the JAX-RS path template {@link MatchedRoute} found. */
    static final String ROUTE = RequestMetrics.class.getName() + ".route";

    private MeterRegistry registry;
    private final Map<String, RouteTimers> routes = new ConcurrentHashMap<>();
    private final Counter[] authenticated = new Counter[AuthScheme.values().length];

    RequestMetrics() {
        // for the CDI proxy
    }

    @Inject
    RequestMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (AuthScheme scheme : AuthScheme.values()) {
            authenticated[scheme.ordinal()] = Counter.builder("gatehouse.authenticated.requests")
                    .description("Requests accepted with a credential, by its form")
                    .tag("scheme", scheme.audit().wireName())
                    .register(registry);
        }
    }

    /** Made at start-up, so that every series is on /metrics, at zero, before its first event. */
    void atStart(@Observes @Initialized(ApplicationScoped.class) Object start) {
        // nothing more: observing made the bean
    }

    void finished(HttpServletRequest request, int status, long nanos) {
        String uri = request.getAttribute(ROUTE) instanceof String template ? template : unmatched(request, status);
        RouteTimers timers = routes.get(uri);
        if (timers == null) {
            timers = routes.computeIfAbsent(uri, u -> new RouteTimers(registry, u));
        }
        timers.timer(request.getMethod(), status).record(nanos, TimeUnit.NANOSECONDS);
        if (request.getAttribute(GatehouseAuthenticationMechanism.RESULT) instanceof SchemeResult result
                && result.isAuthenticated()) {
            authenticated[result.caller().scheme().ordinal()].increment();
        }
    }

    /**
     * No JAX-RS resource matched: the servlet mapping names the request, never its raw path, so a
     * scan of a million junk URLs stays one label ({@code NOT_FOUND}).
     */
    static String unmatched(HttpServletRequest request, int status) {
        if (status == 404) {
            return "NOT_FOUND";
        }
        HttpServletMapping mapping = request.getHttpServletMapping();
        MappingMatch match = mapping == null ? null : mapping.getMappingMatch();
        if (match == null) {
            return "UNKNOWN";
        }
        return switch (match) {
            case CONTEXT_ROOT -> "/";
            case DEFAULT -> "/**";  // the portal's static files
            case EXACT, PATH, EXTENSION -> mapping.getPattern();
        };
    }
}
