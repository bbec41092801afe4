package io.gatehouse.operations;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.FileNotFoundException;
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
        int status = 500;
        try {
            chain.doFilter(request, response);
            status = response.getStatus();
        } catch (IOException | ServletException | RuntimeException failure) {
            if (missingFile(failure)) {
                status = 404;
            }
            throw failure;
        } finally {
            metrics.finished(request, status, System.nanoTime() - start);
        }
    }

    /** Open Liberty reports a missing static file to the filters this way; the container answers it 404. */
    private static boolean missingFile(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof FileNotFoundException) {
                return true;
            }
        }
        return false;
    }
}
