package io.gatehouse.web;

import io.gatehouse.persistence.DatabaseOutage;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * The error page (web.xml) for whatever escapes the REST layer: the envelope with a plain
 * message instead of the server's HTML page, which names exception classes.
 */
@WebServlet("/error")
public class ErrorServlet extends HttpServlet {

    @Inject
    DatabaseOutage outage;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute("jakarta.servlet.error.status_code");
        int status = code instanceof Integer i && i >= 400 ? i : 500;
        if (status == 500 && request.getAttribute("jakarta.servlet.error.exception") instanceof Throwable failure
                && outage.explains(failure)) {
            status = 503;  // e.g. the authentication mechanism could not read a user
            response.setHeader("Retry-After", "1");
        }
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        String message = switch (status) {
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 503 -> DatabaseOutage.MESSAGE;
            default -> status >= 500 ? "Internal error" : "Request refused";
        };
        Object uri = request.getAttribute("jakarta.servlet.error.request_uri");
        response.getWriter().write(Dialect.of(uri instanceof String path ? path : null)
                .body(status, message, null, null).toString());
    }
}
