package io.gatehouse.operations;

import java.util.Locale;

/** The two text formats {@code /metrics} speaks, chosen by the scraper's {@code Accept} header. */
enum MetricsFormat {

    /** Prometheus' classic text format: what every scraper understands. */
    PROMETHEUS_TEXT("text/plain; version=0.0.4; charset=utf-8"),
    /** OpenMetrics 1.0, which Prometheus asks for first. */
    OPEN_METRICS("application/openmetrics-text; version=1.0.0; charset=utf-8");

    private final String contentType;

    MetricsFormat(String contentType) {
        this.contentType = contentType;
    }

    String contentType() {
        return contentType;
    }

    /** OpenMetrics only when asked for by name; anything else (none, {@code *}{@code /*}, junk) gets the classic text. */
    static MetricsFormat accepting(String accept) {
        return accept != null && accept.toLowerCase(Locale.ROOT).contains("application/openmetrics-text")
                ? OPEN_METRICS : PROMETHEUS_TEXT;
    }
}
