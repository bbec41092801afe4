package io.gatehouse.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Everything the managed server printed once the first deployment was prepared: the Arquillian
 * connectors (Payara Micro's and WildFly's) copy the server's console to this JVM's System.out,
 * and this tee keeps a copy to search. A server that writes its own files instead (Tomcat, run by
 * -Ptomcat) names their folder in -Dit.serverLogDir: every file in it and below it is read as well.
 */
public final class ServerLog {

    private static final ByteArrayOutputStream COPY = new ByteArrayOutputStream();
    private static boolean installed;

    private ServerLog() {
    }

    static synchronized void capture() {
        if (installed) {
            return;
        }
        PrintStream original = System.out;
        System.setOut(new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                original.write(b);
                synchronized (COPY) {
                    COPY.write(b);
                }
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                original.write(bytes, offset, length);
                synchronized (COPY) {
                    COPY.write(bytes, offset, length);
                }
            }
        }, true, StandardCharsets.UTF_8));
        installed = true;
    }

    public static String text() {
        StringBuilder text = new StringBuilder();
        synchronized (COPY) {
            text.append(COPY.toString(StandardCharsets.UTF_8));
        }
        String folder = System.getProperty("it.serverLogDir", "");
        if (!folder.isBlank()) {
            try (Stream<Path> files = Files.walk(Path.of(folder))) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    text.append(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return text.toString();
    }
}
