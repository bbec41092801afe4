package io.gatehouse.operations;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * {@code GET /health/live} (200 while the application answers), {@code GET /health/ready} (200
 * when it can serve, else 503 with the reasons) and {@code GET /health} (all checks, as
 * MicroProfile Health has it; liveness has none, so the same as readiness).
 */
@WebServlet({HealthServlet.ALL, HealthServlet.LIVE, HealthServlet.READY})
public class HealthServlet extends HttpServlet {

    static final String ALL = "/health";
    static final String LIVE = "/health/live";
    static final String READY = "/health/ready";

    @Inject
    Readiness readiness;

    @Inject
    OperationsAccess access;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // Liveness stays open whatever the setting: it tells nothing, and restarts hang on it.
        if (LIVE.equals(request.getServletPath())) {
            write(response, HealthReport.LIVE);
        } else if (!access.refuse(request, response)) {
            write(response, readiness.report());
        }
    }

    private static void write(HttpServletResponse response, HealthReport report) throws IOException {
        response.setStatus(report.up() ? 200 : 503);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(report.json().toString());
    }
}
