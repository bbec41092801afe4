package io.gatehouse.it;

import io.gatehouse.it.mpjwt.CallerApplication;
import io.gatehouse.it.mpjwt.CallerResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.ClassAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A second Payara Micro, started by the test, running the small MicroProfile JWT application of
 * {@code io.gatehouse.it.mpjwt}, configured as the README tells a user: only
 * {@code mp.jwt.verify.publickey.location} and {@code mp.jwt.verify.issuer}. Started by hand rather
 * than by Arquillian, because its configuration names Gatehouse's port, known only once Gatehouse runs.
 */
final class MicroProfileJwtServer implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(300);
    private static final Path DIRECTORY = Path.of("target", "mpjwt");

    private final Process process;
    private final Http http;

    private MicroProfileJwtServer(Process process, Http http) {
        this.process = process;
        this.http = http;
    }

    /** Builds the application for this JWKS address and issuer, starts it and waits until it answers. */
    static MicroProfileJwtServer start(String jwksUrl, String issuer) throws Exception {
        Files.createDirectories(DIRECTORY);
        Path war = DIRECTORY.resolve("mpjwt.war");
        Instant building = Instant.now();
        WebArchive archive = ShrinkWrap.create(WebArchive.class, "mpjwt.war");
        // Each class by itself: addClasses would scan the package on every jar of the test classpath.
        for (Class<?> type : List.of(CallerApplication.class, CallerResource.class)) {
            archive.add(new ClassAsset(type), "WEB-INF/classes/" + type.getName().replace('.', '/') + ".class");
        }
        archive
                // An explicit bean archive: the @LoginConfig on a plain Application class is seen.
                .addAsWebInfResource(new StringAsset("<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" "
                        + "version=\"4.0\" bean-discovery-mode=\"all\"/>"), "beans.xml")
                .addAsResource(new StringAsset("mp.jwt.verify.publickey.location=" + jwksUrl + "\n"
                        + "mp.jwt.verify.issuer=" + issuer + "\n"), "META-INF/microprofile-config.properties")
                .as(ZipExporter.class).exportTo(war.toFile(), true);
        System.out.println("MP-JWT application built in " + Duration.between(building, Instant.now()));
        int port = freeLoopbackPort();
        Path log = DIRECTORY.resolve("server.log");
        Process process = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-XX:+UseSerialGC",
                "-jar", System.getProperty("payara.microJar", "target/payara-micro.jar"),
                // The same pre-boot file as Gatehouse's: no Hazelcast, nor Payara's health, metrics, OpenAPI.
                "--prebootcommandfile", System.getProperty("payara.prebootFile", "server-config/payara/gatehouse.asadmin"),
                "--nocluster", "--port", String.valueOf(port), "--deploy", war.toString(), "--contextroot", "/"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        // Never outlive the test JVM, even when it ends without running @AfterAll.
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        MicroProfileJwtServer server = new MicroProfileJwtServer(process, new Http(new URL("http://127.0.0.1:" + port + "/")));
        Instant starting = Instant.now();
        server.awaitReady(log);
        System.out.println("MP-JWT server answered in " + Duration.between(starting, Instant.now()));
        return server;
    }

    Http http() {
        return http;
    }

    private void awaitReady(Path log) throws InterruptedException, IOException {
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("The MP-JWT server stopped: " + tail(log));
            }
            if (Files.readString(log).contains("Exception while loading the app")) {
                close();
                throw new AssertionError("The MP-JWT application did not deploy: " + tail(log));
            }
            try {
                if (http.get("/ready").send().status() == 200) {
                    return;
                }
            } catch (UncheckedIOException notYetListening) {
                // starting
            }
            Thread.sleep(500);
        }
        close();
        throw new AssertionError("The MP-JWT server did not answer within " + STARTUP + ": " + tail(log));
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(Duration.ofSeconds(20).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
