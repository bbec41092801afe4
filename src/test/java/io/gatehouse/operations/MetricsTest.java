package io.gatehouse.operations;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The counters and timers count what they are told, under bounded labels. */
class MetricsTest {

    private final MeterRegistry registry = new SimpleMeterRegistry();

    private double count(String name, String... tags) {
        return registry.get(name).tags(tags).counter().count();
    }

    @Test
    void authenticationsAreCountedBySchemeAndResult() {
        AuthenticationMetrics metrics = new AuthenticationMetrics(registry);
        metrics.record("session_login", false);
        metrics.record("session_login", false);
        metrics.record("session_login", true);
        metrics.record("basic", true);
        assertEquals(2, count("gatehouse.authentications", "scheme", "session_login", "result", "failure"));
        assertEquals(1, count("gatehouse.authentications", "scheme", "session_login", "result", "success"));
        assertEquals(1, count("gatehouse.authentications", "scheme", "basic", "result", "success"));
    }

    @Test
    void everyTokenGrantHasItsCounterFromTheStart() {
        TokenMetrics metrics = new TokenMetrics(registry);
        assertEquals(0, count("gatehouse.tokens.issued", "dialect", "emnify", "grant", "application_token"));
        metrics.issued(IssuedToken.ofOAuthGrant("client_credentials"));
        metrics.issued(IssuedToken.EMNIFY_PASSWORD);
        metrics.issued(IssuedToken.ofOAuthGrant("authorization_code"));  // not ours: counts nothing
        assertEquals(1, count("gatehouse.tokens.issued", "dialect", "oauth", "grant", "client_credentials"));
        assertEquals(1, count("gatehouse.tokens.issued", "dialect", "emnify", "grant", "password"));
        assertEquals(6, registry.find("gatehouse.tokens.issued").counters().size());
        assertNull(IssuedToken.ofOAuthGrant("authorization_code"));
    }

    @Test
    void lockoutsAndOtpSendsAreCountedByKindAndChannel() {
        LockoutMetrics lockouts = new LockoutMetrics(registry);
        lockouts.account();
        lockouts.address();
        lockouts.address();
        OtpMetrics otp = new OtpMetrics(registry);
        otp.send(OtpMetrics.EMAIL, true);
        otp.send(OtpMetrics.SMS, false);
        assertEquals(1, count("gatehouse.lockouts", "kind", "account"));
        assertEquals(2, count("gatehouse.lockouts", "kind", "address"));
        assertEquals(1, count("gatehouse.otp.sends", "channel", "email", "result", "sent"));
        assertEquals(0, count("gatehouse.otp.sends", "channel", "email", "result", "failed"));
        assertEquals(1, count("gatehouse.otp.sends", "channel", "sms", "result", "failed"));
    }

    @Test
    void requestTimersKeepTheirLabelsBounded() {
        RouteTimers route = new RouteTimers(registry, "/api/admin/users/{id}");
        Timer get = route.timer("GET", 200);
        assertSame(get, route.timer("GET", 200));
        route.timer("BREW", 200);
        route.timer("PROPFIND", 200);
        route.timer("GET", 999);
        route.timer("GET", -1);
        Set<String> methods = registry.find(RouteTimers.METER).timers().stream()
                .map(t -> t.getId().getTag("method")).collect(Collectors.toSet());
        Set<String> statuses = registry.find(RouteTimers.METER).timers().stream()
                .map(t -> t.getId().getTag("status")).collect(Collectors.toSet());
        assertEquals(Set.of("GET", "OTHER"), methods);
        assertEquals(Set.of("200", "other"), statuses);
        assertEquals(3, registry.find(RouteTimers.METER).timers().size());
    }

    @Test
    void theScraperGetsOpenMetricsOnlyWhenItAsksForIt() {
        assertEquals(MetricsFormat.OPEN_METRICS, MetricsFormat.accepting(
                "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5,*/*;q=0.1"));
        assertEquals(MetricsFormat.PROMETHEUS_TEXT, MetricsFormat.accepting("text/plain"));
        assertEquals(MetricsFormat.PROMETHEUS_TEXT, MetricsFormat.accepting(null));
        assertEquals(MetricsFormat.PROMETHEUS_TEXT, MetricsFormat.accepting("\u0000junk"));
    }
}
