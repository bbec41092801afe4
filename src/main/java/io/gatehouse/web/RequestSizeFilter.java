package io.gatehouse.web;

import io.gatehouse.net.BodyLimit;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * No request body larger than 64 KiB: refused up front when its length is declared, and cut off
 * while read when it is not, before any parsing or hashing. A form of unknown length has been
 * read already when the authentication mechanism looked for a credential in its parameters
 * ({@link BodyLimit}): refused here when it was over the limit, else handed on as read.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class RequestSizeFilter extends HttpFilter {

    static final int LIMIT = BodyLimit.BYTES;
    static final String MESSAGE = "Request body too large (limit 64 KiB)";

    /** Thrown while reading past the limit; the error mapper answers 413. */
    public static final class BodyTooLarge extends IOException {
        BodyTooLarge() {
            super(MESSAGE);
        }
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (BodyLimit.isDeclaredOver(request) || BodyLimit.wasReadOver(request)) {
            response.setStatus(413);
            response.setContentType("application/json");
            response.setHeader("Connection", "close");
            response.getWriter().write(Dialect.of(request.getRequestURI()).body(413, MESSAGE, null, null).toString());
            return;
        }
        byte[] kept = BodyLimit.kept(request);
        if (kept != null) {
            chain.doFilter(new Kept(request, kept), response);
        } else {
            chain.doFilter(request.getContentLengthLong() < 0 ? new Limited(request) : request, response);
        }
    }

    /** A body read before this filter (within the limit), read again from memory. */
    private static final class Kept extends HttpServletRequestWrapper {

        private final ServletInputStream body;

        Kept(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = new KeptStream(new ByteArrayInputStream(body));
        }

        @Override
        public ServletInputStream getInputStream() {
            return body;
        }
    }

    private static final class KeptStream extends ServletInputStream {

        private final ByteArrayInputStream in;

        KeptStream(ByteArrayInputStream in) {
            this.in = in;
        }

        @Override
        public int read() {
            return in.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            return in.read(buffer, offset, length);
        }

        @Override
        public int available() {
            return in.available();
        }

        @Override
        public boolean isFinished() {
            return in.available() == 0;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            try {
                listener.onDataAvailable();
                listener.onAllDataRead();
            } catch (IOException e) {
                listener.onError(e);
            }
        }
    }

    private static final class Limited extends HttpServletRequestWrapper {

        private ServletInputStream limited;

        Limited(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (limited == null) {
                limited = new LimitedStream(super.getInputStream());
            }
            return limited;
        }
    }

    private static final class LimitedStream extends ServletInputStream {

        private final ServletInputStream in;
        private long count;

        LimitedStream(ServletInputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0 && ++count > LIMIT) {
                throw new BodyTooLarge();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0 && (count += n) > LIMIT) {
                throw new BodyTooLarge();
            }
            return n;
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
