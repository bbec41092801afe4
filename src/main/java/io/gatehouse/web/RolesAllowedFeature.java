package io.gatehouse.web;

import io.gatehouse.security.Caller;
import io.gatehouse.security.SchemeResult;
import jakarta.annotation.Priority;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;

import java.util.Arrays;

/**
 * Enforces {@code @RolesAllowed} on resources the same way on every server (some enforce it,
 * some do not, and they answer differently), with the dialect's 401 and 403.
 */
@Provider
public class RolesAllowedFeature implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        RolesAllowed allowed = resource.getResourceMethod().getAnnotation(RolesAllowed.class);
        if (allowed == null) {
            allowed = resource.getResourceClass().getAnnotation(RolesAllowed.class);
        }
        if (allowed != null) {
            context.register(new RoleCheck(allowed.value()));
        }
    }

    @Priority(Priorities.AUTHORIZATION)
    private static final class RoleCheck implements ContainerRequestFilter {

        private final String[] roles;

        RoleCheck(String[] roles) {
            this.roles = roles;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            SchemeResult result = SchemeResult.of(request);
            Caller found = result.caller();
            String path = request.getUriInfo().getRequestUri().getPath();
            if (found == null) {
                request.abortWith(ErrorResponses.unauthenticated(path, result));
            } else if (Arrays.stream(roles).noneMatch(found.groups()::contains)) {
                request.abortWith(ErrorResponses.of(path, 403, "Forbidden: this endpoint needs the role "
                        + String.join(" or ", roles)));
            }
        }
    }
}
