package io.gatehouse.audit;

import io.gatehouse.net.ClientAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import java.security.Principal;

/**
 * The current request's client address and authenticated user, for code that records an event
 * but is not handed the request (the account service). Outside a request both are null.
 */
@ApplicationScoped
public class RequestOrigin {

    @Inject
    ClientAddress clientAddress;

    @Inject
    HttpServletRequest request;

    public String address() {
        try {
            return clientAddress.of(request);
        } catch (ContextNotActiveException e) {
            return null;
        }
    }

    /** The caller's userid: the mechanism names the container's principal after it. */
    public Long callerId() {
        try {
            Principal principal = request.getUserPrincipal();
            return principal == null ? null : Long.valueOf(principal.getName());
        } catch (ContextNotActiveException | NumberFormatException e) {
            return null;
        }
    }
}
