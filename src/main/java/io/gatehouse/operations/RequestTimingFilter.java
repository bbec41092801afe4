package io.gatehouse.operations;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** Times every request for {@link RequestMetrics}, failures included (the container answers those 500). */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class RequestTimingFilter extends HttpFilter {

    @Inject
    RequestMetrics metrics;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long start = System.nanoTime();
        boolean failed = true;
        try {
            chain.doFilter(request, response);
            failed = false;
        } finally {
            metrics.finished(request, failed ? 500 : response.getStatus(), System.nanoTime() - start);
        }
    }
}
