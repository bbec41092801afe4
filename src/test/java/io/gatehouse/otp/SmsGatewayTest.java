package io.gatehouse.otp;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The SMS sender against a real HTTP server (the JDK's, on loopback) standing in for the gateway. */
class SmsGatewayTest {

    private record Received(String authorization, String contentType, JsonObject body) {
    }

    private HttpServer gateway;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private volatile int answer = 202;

    @BeforeEach
    void start() throws IOException {
        gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        gateway.createContext("/sms", exchange -> {
            String text = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            try (var reader = Json.createReader(new StringReader(text))) {
                received.add(new Received(exchange.getRequestHeaders().getFirst("Authorization"),
                        exchange.getRequestHeaders().getFirst("Content-Type"), reader.readObject()));
            }
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
        });
        gateway.start();
    }

    @AfterEach
    void stop() {
        gateway.stop(0);
    }

    private SmsGateway gateway(String authorization, String template) {
        URI url = URI.create("http://127.0.0.1:" + gateway.getAddress().getPort() + "/sms");
        return new SmsGateway(new SmsSettings(url, authorization, template));
    }

    @Test
    void postsTheNumberAndTheMessageAsJsonWithTheCredential() throws Exception {
        SmsGateway sms = gateway("Bearer gateway-key", OtpText.DEFAULT_TEMPLATE);
        sms.send("+491701234567", OtpText.render(sms.template(), "987654", 5));

        Received request = received.poll(5, TimeUnit.SECONDS);
        assertNotNull(request);
        assertEquals("Bearer gateway-key", request.authorization());
        assertEquals("application/json", request.contentType());
        assertEquals("+491701234567", request.body().getString("to"));
        assertEquals("Your Gatehouse code is 987654. It expires in 5 minutes.", request.body().getString("message"));
    }

    @Test
    void aTemplateWithQuotesStaysValidJson() throws Exception {
        gateway(null, "\"{code}\" \\ valid {minutes}'").send("+15551234567", OtpText.render("\"{code}\" \\ valid {minutes}'", "111111", 3));
        Received request = received.poll(5, TimeUnit.SECONDS);
        assertNotNull(request);
        assertEquals("\"111111\" \\ valid 3'", request.body().getString("message"));
        assertEquals(null, request.authorization(), "no credential configured, no header");
    }

    @Test
    void aRefusalByTheGatewayIsAFailureTheCallerSees() {
        answer = 500;
        IOException failure = assertThrows(IOException.class, () -> gateway("k", OtpText.DEFAULT_TEMPLATE).send("+15551234567", "x"));
        assertEquals("SMS gateway answered HTTP 500", failure.getMessage());
    }

    @Test
    void theTemplateFillsCodeAndMinutesWhereverTheyStand() {
        assertEquals("123456 / 30 / 123456", OtpText.render("{code} / {minutes} / {code}", "123456", 30));
    }
}
