package io.gatehouse.otp;

import io.gatehouse.config.GatehouseConfig;

import java.net.URI;
import java.util.Optional;

/** The HTTP gateway for SMS ({@code GATEHOUSE_SMS_*}); absent without a URL. */
public record SmsSettings(URI url, String authorization, String template) {

    public static Optional<SmsSettings> fromConfig() {
        return GatehouseConfig.get("GATEHOUSE_SMS_URL").map(url -> new SmsSettings(uri(url),
                GatehouseConfig.get("GATEHOUSE_SMS_AUTHORIZATION").orElse(null),
                GatehouseConfig.get("GATEHOUSE_SMS_TEMPLATE").orElse(OtpText.DEFAULT_TEMPLATE)));
    }

    private static URI uri(String text) {
        URI uri = URI.create(text);
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
            throw new IllegalStateException("GATEHOUSE_SMS_URL must be an http or https URL");
        }
        return uri;
    }

    @Override
    public String toString() {
        // Never the credential, should a record ever be logged.
        return "SmsSettings[" + url + "]";
    }
}
