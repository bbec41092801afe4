package io.gatehouse.it;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Everything the managed server printed once the first deployment was prepared: the Arquillian
 * connectors (Payara Micro's and WildFly's) copy the server's console to this JVM's System.out,
 * and this tee keeps a copy to search.
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
        synchronized (COPY) {
            return COPY.toString(StandardCharsets.UTF_8);
        }
    }
}
