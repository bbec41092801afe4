package io.gatehouse.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * {@code gatehouse_otp_sends_total{channel, result}}: one-time passwords handed to the mail server
 * or the SMS gateway ({@code sent}), or not, because the channel failed or is not configured
 * ({@code failed}). Addresses that name nobody send nothing and count nothing.
 */
@ApplicationScoped
public class OtpMetrics {

    public static final String EMAIL = "email";
    public static final String SMS = "sms";

    /** [email failed, email sent, sms failed, sms sent]. */
    private final Counter[] counters = new Counter[4];

    OtpMetrics() {
        // for the CDI proxy
    }

    @Inject
    OtpMetrics(MeterRegistry registry) {
        for (String channel : new String[] {EMAIL, SMS}) {
            for (String result : new String[] {"failed", "sent"}) {
                counters[index(channel, result.equals("sent"))] = Counter.builder("gatehouse.otp.sends")
                        .description("One-time passwords sent, or failed to send, by channel")
                        .tag("channel", channel)
                        .tag("result", result)
                        .register(registry);
            }
        }
    }

    /** Made at start-up, so that every series is on /metrics, at zero, before its first event. */
    void atStart(@Observes @Initialized(ApplicationScoped.class) Object start) {
        // nothing more: observing made the bean
    }

    /** @param channel {@link #EMAIL} or {@link #SMS} */
    public void send(String channel, boolean sent) {
        counters[index(channel, sent)].increment();
    }

    private static int index(String channel, boolean sent) {
        return (SMS.equals(channel) ? 2 : 0) + (sent ? 1 : 0);
    }
}
