package io.gatehouse.net;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BodyLimitTest {

    private static final String FORM = "application/x-www-form-urlencoded; charset=UTF-8";

    /** A request with a body, its declared length (-1: chunked) and its content type; only what BodyLimit asks. */
    private static HttpServletRequest request(byte[] body, long declared, String type) {
        Map<String, Object> attributes = new HashMap<>();
        ByteArrayInputStream bytes = new ByteArrayInputStream(body);
        ServletInputStream in = new ServletInputStream() {
            @Override
            public int read() {
                return bytes.read();
            }

            @Override
            public boolean isFinished() {
                return bytes.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
            }
        };
        return (HttpServletRequest) Proxy.newProxyInstance(BodyLimitTest.class.getClassLoader(),
                new Class<?>[]{HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getContentLengthLong" -> declared;
                    case "getContentType" -> type;
                    case "getInputStream" -> in;
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void guardFormWhenAChunkedFormIsWithinTheLimitThenItIsKeptWhole() {
        byte[] body = "a".repeat(BodyLimit.BYTES).getBytes();
        HttpServletRequest request = request(body, -1, FORM);

        assertTrue(BodyLimit.guardForm(request));
        assertArrayEquals(body, BodyLimit.kept(request));
        assertFalse(BodyLimit.wasReadOver(request));
    }

    @Test
    void guardFormWhenAChunkedFormIsOverTheLimitByOneByteThenNoParameterMayBeRead() {
        HttpServletRequest request = request("a".repeat(BodyLimit.BYTES + 1).getBytes(), -1, FORM);

        assertFalse(BodyLimit.guardForm(request));
        assertTrue(BodyLimit.wasReadOver(request));
        assertNull(BodyLimit.kept(request));
        assertFalse(BodyLimit.guardForm(request), "asked again, the same answer without reading");
    }

    @Test
    void guardFormWhenTheDeclaredLengthIsOverTheLimitThenFalseWithoutReading() {
        HttpServletRequest request = request(new byte[0], BodyLimit.BYTES + 1, FORM);

        assertTrue(BodyLimit.isDeclaredOver(request));
        assertFalse(BodyLimit.guardForm(request));
        assertNull(BodyLimit.kept(request));
    }

    @Test
    void guardFormWhenTheLengthIsDeclaredWithinOrTheBodyIsNoFormThenNothingIsRead() {
        HttpServletRequest declared = request("a=b".getBytes(), 3, FORM);
        HttpServletRequest json = request("x".repeat(BodyLimit.BYTES + 1).getBytes(), -1, "application/json");

        assertTrue(BodyLimit.guardForm(declared));
        assertTrue(BodyLimit.guardForm(json), "JSON is counted while the endpoint reads it");
        assertNull(BodyLimit.kept(declared));
        assertNull(BodyLimit.kept(json));
    }
}
