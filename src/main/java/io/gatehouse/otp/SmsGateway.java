package io.gatehouse.otp;

import io.gatehouse.web.Json;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Sends a text message: POSTs {@code {"to": "+...", "message": "..."}} to the configured gateway. */
public final class SmsGateway {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final SmsSettings settings;
    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    public SmsGateway(SmsSettings settings) {
        this.settings = settings;
    }

    public String template() {
        return settings.template();
    }

    /** @throws IOException also when the gateway answers anything but 2xx (its body is not read: it may echo the message) */
    public void send(String to, String message) throws IOException, InterruptedException {
        String body = Json.object().add("to", to).add("message", message).build().toString();
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.url())
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (settings.authorization() != null) {
            request.header("Authorization", settings.authorization());
        }
        HttpResponse<Void> response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("SMS gateway answered HTTP " + response.statusCode());
        }
    }
}
