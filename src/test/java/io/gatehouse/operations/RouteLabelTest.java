package io.gatehouse.operations;

import io.gatehouse.admin.AdminUsersResource;
import io.gatehouse.health.HealthResource;
import io.gatehouse.token.JwksResource;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.MappingMatch;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A request's {@code uri} label: the matched template or the servlet mapping, never the raw path. */
class RouteLabelTest {

    @Test
    void aResourceMethodIsLabelledWithItsTemplateNotItsPath() throws Exception {
        assertEquals("/api/admin/users/{id}",
                MatchedRoute.template("/api", AdminUsersResource.class, AdminUsersResource.class.getMethod("get", long.class)));
        assertEquals("/api/admin/users",
                MatchedRoute.template("/api/", AdminUsersResource.class, AdminUsersResource.class.getMethod("find",
                        String.class, int.class, int.class)));
        assertEquals("/api/health", MatchedRoute.template("/api", HealthResource.class, HealthResource.class.getMethod("health")));
        assertEquals("/.well-known/jwks.json",
                MatchedRoute.template("/.well-known", JwksResource.class, JwksResource.class.getMethod("jwks")));
    }

    private static HttpServletRequest mapped(MappingMatch match, String pattern) {
        HttpServletMapping mapping = new HttpServletMapping() {
            @Override
            public String getMatchValue() {
                return "whatever-the-caller-sent";
            }

            @Override
            public String getPattern() {
                return pattern;
            }

            @Override
            public String getServletName() {
                return "servlet";
            }

            @Override
            public MappingMatch getMappingMatch() {
                return match;
            }
        };
        return (HttpServletRequest) Proxy.newProxyInstance(RouteLabelTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getHttpServletMapping")) {
                        return mapping;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void outsideJaxRsTheServletMappingNamesTheRequest() {
        assertEquals("/metrics", RequestMetrics.unmatched(mapped(MappingMatch.EXACT, "/metrics"), 200));
        assertEquals("/api/*", RequestMetrics.unmatched(mapped(MappingMatch.PATH, "/api/*"), 405));
        assertEquals("/**", RequestMetrics.unmatched(mapped(MappingMatch.DEFAULT, "/"), 200));
        assertEquals("/", RequestMetrics.unmatched(mapped(MappingMatch.CONTEXT_ROOT, ""), 200));
        assertEquals("UNKNOWN", RequestMetrics.unmatched(mapped(null, null), 200));
    }

    @Test
    void everyPathNotFoundIsOneLabel() {
        assertEquals("NOT_FOUND", RequestMetrics.unmatched(mapped(MappingMatch.DEFAULT, "/"), 404));
        assertEquals("NOT_FOUND", RequestMetrics.unmatched(mapped(MappingMatch.PATH, "/api/*"), 404));
    }
}
