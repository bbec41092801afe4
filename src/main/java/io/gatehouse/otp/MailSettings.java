package io.gatehouse.otp;

import io.gatehouse.config.GatehouseConfig;

import java.util.Optional;

/** The SMTP server for one-time passwords ({@code GATEHOUSE_SMTP_*}); absent without a host. */
public record MailSettings(String host, int port, String user, String password, String from, boolean startTls) {

    static final int DEFAULT_PORT = 25;
    static final String DEFAULT_FROM = "gatehouse@localhost";

    public static Optional<MailSettings> fromConfig() {
        return GatehouseConfig.get("GATEHOUSE_SMTP_HOST").map(host -> new MailSettings(host,
                GatehouseConfig.get("GATEHOUSE_SMTP_PORT").map(MailSettings::port).orElse(DEFAULT_PORT),
                GatehouseConfig.get("GATEHOUSE_SMTP_USER").orElse(null),
                GatehouseConfig.get("GATEHOUSE_SMTP_PASSWORD").orElse(null),
                GatehouseConfig.get("GATEHOUSE_SMTP_FROM").orElse(DEFAULT_FROM),
                GatehouseConfig.get("GATEHOUSE_SMTP_STARTTLS").map(Boolean::parseBoolean).orElse(false)));
    }

    private static int port(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("GATEHOUSE_SMTP_PORT must be a port number, not " + text);
        }
    }

    @Override
    public String toString() {
        // Never the password, should a record ever be logged.
        return "MailSettings[" + host + ":" + port + ", user=" + user + ", from=" + from + ", starttls=" + startTls + "]";
    }
}
