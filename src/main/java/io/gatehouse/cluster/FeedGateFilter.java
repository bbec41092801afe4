package io.gatehouse.cluster;

import io.gatehouse.persistence.DatabaseOutage;
import io.gatehouse.web.Dialect;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * A node whose view of the other nodes' changes is stale answers 503 in each path's dialect,
 * rather than trust a session, key or password another node may have revoked meanwhile.
 * Health and metrics still answer: they say why.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class FeedGateFilter extends HttpFilter {

    @Inject
    FeedFreshness freshness;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!freshness.stale()) {  // the steady state: two volatile reads, nothing allocated
            chain.doFilter(request, response);
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/health") || path.equals("/metrics")) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(503);
        response.setHeader("Retry-After", "1");
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(Dialect.of(path).body(503, DatabaseOutage.MESSAGE, null, null).toString());
    }
}
