package io.gatehouse.net;

import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;
import java.util.Locale;

/**
 * The largest request body Gatehouse reads, 64 KiB: far above any form or JSON it takes, far
 * below what a server parses into parameters by itself (Payara and Tomcat: 2 MB).
 *
 * <p>A form body is parsed by the server as soon as anything asks for a parameter, the
 * authentication mechanism first of all, before any filter. So a form of unknown length
 * (chunked) is read here first, counting, and kept for the endpoint: the server then finds its
 * body read and parses the query string only. The request size filter answers 413 for one over
 * the limit, and hands a kept body on to the endpoint.
 */
public final class BodyLimit {

    public static final int BYTES = 64 * 1024;

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String KEPT = BodyLimit.class.getName() + ".kept";
    /** What {@link #KEPT} holds for a body over the limit. */
    private static final byte[] TOO_LARGE = new byte[0];

    private BodyLimit() {
    }

    /** Whether the request declares a body length over the limit. */
    public static boolean isDeclaredOver(HttpServletRequest request) {
        return request.getContentLengthLong() > BYTES;
    }

    /**
     * Makes the request's parameters safe to ask for: a form body of unknown length is read (at
     * most the limit and one byte) and kept, so that the server finds nothing left to parse. False
     * when the body is over the limit: then no parameter may be asked for, since a body of declared
     * length would still be parsed.
     */
    public static boolean guardForm(HttpServletRequest request) {
        Object kept = request.getAttribute(KEPT);
        if (kept == null && request.getContentLengthLong() < 0 && isForm(request)) {
            kept = read(request);
            request.setAttribute(KEPT, kept);
        }
        return kept != TOO_LARGE && !isDeclaredOver(request);
    }

    /** Whether a form body of unknown length was read and found over the limit. */
    public static boolean wasReadOver(HttpServletRequest request) {
        return request.getAttribute(KEPT) == TOO_LARGE;
    }

    /** The body {@link #guardForm} read and kept for the endpoint, or null. */
    public static byte[] kept(HttpServletRequest request) {
        Object kept = request.getAttribute(KEPT);
        return kept instanceof byte[] body && body != TOO_LARGE ? body : null;
    }

    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith(FORM);
    }

    private static byte[] read(HttpServletRequest request) {
        try {
            byte[] body = request.getInputStream().readNBytes(BYTES + 1);
            return body.length > BYTES ? TOO_LARGE : body;
        } catch (IOException e) {
            return TOO_LARGE;  // the client stopped sending: nothing to serve either
        }
    }
}
