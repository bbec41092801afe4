package io.gatehouse.operations;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The one registry behind {@code GET /metrics}, in Prometheus format, with the JVM's own meters
 * beside Gatehouse's. Each node counts for itself: Prometheus scrapes every node and sums.
 */
@ApplicationScoped
public class Meters {

    private PrometheusMeterRegistry registry;
    private JvmGcMetrics gc;

    /** Built here rather than in a field initialiser, so that a CDI proxy never builds a second one. */
    @PostConstruct
    void start() {
        registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        gc = new JvmGcMetrics();
        gc.bindTo(registry);
    }

    /** The GC meters listen to the JVM: a redeployment must not leave them behind. */
    @PreDestroy
    void stop() {
        gc.close();
        registry.close();
    }

    /** The registry for the meters' own classes to inject. */
    @Produces
    MeterRegistry registry() {
        return registry;
    }

    /** @param contentType one of {@link MetricsFormat}'s, which the registry knows how to write */
    void scrape(OutputStream out, String contentType) throws IOException {
        registry.scrape(out, contentType);
    }
}
