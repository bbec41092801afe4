package io.gatehouse.operations;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Leaves the matched resource's path template ({@code /api/admin/users/{id}}) on the request for
 * the request timers: the template, not the path, so user ids never become labels. It runs before
 * the role checks, so refused requests are timed under their endpoint too.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class MatchedRoute implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Context
    HttpServletRequest servletRequest;

    /** One entry per resource method: worked out on its first request, then only looked up. */
    private final Map<Method, String> templates = new ConcurrentHashMap<>();

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;  // the server's own OPTIONS answer: the servlet mapping names it
        }
        String template = templates.get(method);
        if (template == null) {
            template = template(servletRequest.getServletPath(), resource.getResourceClass(), method);
            templates.put(method, template);
        }
        request.setProperty(RequestMetrics.ROUTE, template);
    }

    /** The application's servlet path, then the class's and the method's {@code @Path}, one slash apart. */
    static String template(String servletPath, Class<?> resourceClass, Method method) {
        StringBuilder template = new StringBuilder();
        append(template, servletPath);
        Path onClass = resourceClass.getAnnotation(Path.class);
        append(template, onClass == null ? null : onClass.value());
        Path onMethod = method.getAnnotation(Path.class);
        append(template, onMethod == null ? null : onMethod.value());
        return template.isEmpty() ? "/" : template.toString();
    }

    private static void append(StringBuilder template, String part) {
        if (part == null) {
            return;
        }
        String trimmed = part.replaceAll("^/+|/+$", "");
        if (!trimmed.isEmpty()) {
            template.append('/').append(trimmed);
        }
    }
}
