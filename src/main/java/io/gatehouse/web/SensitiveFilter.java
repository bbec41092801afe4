package io.gatehouse.web;

import io.gatehouse.security.Caller;
import io.gatehouse.security.SchemeResult;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/** Refuses API keys on {@link Sensitive} endpoints with 403, after the role check. */
@Provider
@Sensitive
@Priority(Priorities.AUTHORIZATION + 10)
public class SensitiveFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        Caller caller = SchemeResult.of(request).caller();
        if (caller != null && !caller.scheme().isSensitiveAllowed()) {
            request.abortWith(ErrorResponses.of(request.getUriInfo().getRequestUri().getPath(), 403,
                    "API keys and application tokens are not accepted on this endpoint: sign in with a session, your password or an auth_token"));
        }
    }
}
