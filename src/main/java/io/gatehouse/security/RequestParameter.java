package io.gatehouse.security;

import io.gatehouse.net.BodyLimit;
import jakarta.servlet.http.HttpServletRequest;

/** A credential sent as a request parameter (query string or form). */
final class RequestParameter {

    private RequestParameter() {
    }

    /**
     * The parameter's value, or null when absent. Parameters that cannot be decoded (say {@code %ff}) carry
     * no credential either: most servers drop the bad bytes, while Servlet 6.1 containers (Tomcat 11) throw
     * {@code IllegalStateException}, which must not turn an unauthenticated request into a 500. Nor does a
     * body over 64 KiB, which is never parsed ({@link BodyLimit}), nor a form body of unknown length, which
     * only the endpoint reads: a credential sent with one belongs in a header or the query string.
     */
    static String get(HttpServletRequest request, String name) {
        if (!BodyLimit.guardForm(request)) {
            return null;
        }
        try {
            return request.getParameter(name);
        } catch (IllegalStateException undecodable) {
            return null;
        }
    }
}
