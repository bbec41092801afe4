package io.gatehouse.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The operator's configuration: each {@code GATEHOUSE_*} environment variable, or the matching
 * system property ({@code GATEHOUSE_SMTP_HOST} is {@code gatehouse.smtp.host}), which wins.
 * Plain environment and system properties work on every server, unlike MicroProfile Config.
 */
public final class GatehouseConfig {

    private GatehouseConfig() {
    }

    public static Optional<String> get(String variable) {
        String property = variable.toLowerCase(java.util.Locale.ROOT).replace('_', '.');
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(variable);
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    /** The JWT issuer ({@code iss}): the public base URL; http://localhost:8080 when unset. */
    public static String issuer() {
        String issuer = get("GATEHOUSE_ISSUER").orElse("http://localhost:8080");
        return issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    }

    /** Where the embedded database and generated keys live; ./gatehouse-data by default. */
    public static Path dataDir() {
        return Path.of(get("GATEHOUSE_DATA_DIR").orElse("gatehouse-data")).toAbsolutePath().normalize();
    }
}
