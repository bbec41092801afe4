package io.gatehouse.operations;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** {@code GET /metrics}: every meter in Prometheus text format, or OpenMetrics when the scraper asks for it. */
@WebServlet("/metrics")
public class MetricsServlet extends HttpServlet {

    @Inject
    Meters meters;

    @Inject
    OperationsAccess access;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (access.refuse(request, response)) {
            return;
        }
        MetricsFormat format = MetricsFormat.accepting(request.getHeader("Accept"));
        response.setContentType(format.contentType());
        meters.scrape(response.getOutputStream(), format.contentType());
    }
}
