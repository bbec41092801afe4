package io.gatehouse.it;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the server under test sends one-time passwords: a real SMTP server (GreenMail) and a
 * stand-in SMS gateway (the JDK's HTTP server), both in this JVM on loopback, on the ports the
 * build reserved and gave the server in its environment (pom.xml: it.smtpPort, it.smsPort).
 */
public final class OtpInbox implements AutoCloseable {

    /** What the build gives the server as GATEHOUSE_SMS_AUTHORIZATION. */
    static final String SMS_AUTHORIZATION = "Bearer sms-gateway-test-key";
    private static final Pattern CODE = Pattern.compile("(?<![0-9])([0-9]{6})(?![0-9])");

    /** One request to the SMS gateway. */
    record Sms(String authorization, JsonObject body) {
    }

    private final GreenMail smtp;
    private final HttpServer gateway;
    private final List<Sms> texts = new CopyOnWriteArrayList<>();

    public OtpInbox() {
        smtp = new GreenMail(new ServerSetup(port("it.smtpPort"), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", port("it.smsPort")), 0);
        } catch (IOException e) {
            smtp.stop();
            throw new UncheckedIOException(e);
        }
        gateway.createContext("/sms", exchange -> {
            String text = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            try (var reader = Json.createReader(new StringReader(text))) {
                texts.add(new Sms(exchange.getRequestHeaders().getFirst("Authorization"), reader.readObject()));
            }
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        gateway.start();
    }

    private static int port(String property) {
        String port = System.getProperty(property);
        if (port == null || port.isBlank()) {
            throw new IllegalStateException(property + " is not set: run the black-box tests through Maven (mvn verify)");
        }
        return Integer.parseInt(port);
    }

    /** The mails to one address so far. */
    List<MimeMessage> mailsTo(String address) {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage mail : smtp.getReceivedMessages()) {
            try {
                if (mail.getAllRecipients()[0].toString().equalsIgnoreCase(address)) {
                    found.add(mail);
                }
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return found;
    }

    List<Sms> textsTo(String phone) {
        return texts.stream().filter(t -> phone.equals(t.body().getString("to", null))).toList();
    }

    /** The code in the {@code n}th mail to the address (from 1), waiting up to 20 s for it. */
    public String mailedCode(String address, int n) {
        MimeMessage mail = await(() -> mailsTo(address).size() >= n ? Optional.of(mailsTo(address).get(n - 1)) : Optional.empty(),
                "mail number " + n + " to " + address);
        return code(GreenMailUtil.getBody(mail));
    }

    /** The code in the {@code n}th text to the number (from 1), waiting up to 20 s for it. */
    String textedCode(String phone, int n) {
        Sms sms = await(() -> textsTo(phone).size() >= n ? Optional.of(textsTo(phone).get(n - 1)) : Optional.empty(),
                "text number " + n + " to " + phone);
        return code(sms.body().getString("message"));
    }

    static String code(String text) {
        Matcher matcher = CODE.matcher(text);
        if (!matcher.find()) {
            throw new AssertionError("No six-digit code in: " + text);
        }
        return matcher.group(1);
    }

    private static <T> T await(java.util.function.Supplier<Optional<T>> probe, String what) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            Optional<T> found = probe.get();
            if (found.isPresent()) {
                return found.get();
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("Nothing arrived within 20 s: " + what);
    }

    @Override
    public void close() {
        gateway.stop(0);
        smtp.stop();
    }
}
