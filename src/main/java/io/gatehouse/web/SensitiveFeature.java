package io.gatehouse.web;

import io.gatehouse.security.Caller;
import io.gatehouse.security.SchemeResult;
import io.gatehouse.token.Scope;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;

/**
 * On {@link Sensitive} endpoints, after the role check: refuses API keys and application tokens
 * with 403, and a delegated token without the endpoint's scope with 403 and RFC 6750's
 * insufficient_scope challenge. The scope is read once per endpoint, at deployment.
 */
@Provider
public class SensitiveFeature implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        Sensitive sensitive = resource.getResourceMethod().getAnnotation(Sensitive.class);
        if (sensitive == null) {
            sensitive = resource.getResourceClass().getAnnotation(Sensitive.class);
        }
        if (sensitive != null) {
            context.register(new SensitiveCheck(sensitive.value()));
        }
    }

    @Priority(Priorities.AUTHORIZATION + 10)
    private static final class SensitiveCheck implements ContainerRequestFilter {

        private final Scope needed;

        SensitiveCheck(Scope needed) {
            this.needed = needed;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            Caller caller = SchemeResult.of(request).caller();
            if (caller == null) {
                return;  // the role check has answered already
            }
            String path = request.getUriInfo().getRequestUri().getPath();
            if (!caller.scheme().isSensitiveAllowed()) {
                request.abortWith(ErrorResponses.of(path, 403,
                        "API keys and application tokens are not accepted on this endpoint: sign in with a session, your password or an auth_token"));
            } else if (!caller.allows(needed)) {
                request.abortWith(ErrorResponses.of(path, InsufficientScope.of(needed)));
            }
        }
    }
}
