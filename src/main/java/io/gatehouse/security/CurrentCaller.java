package io.gatehouse.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Optional;

/** This request's caller, as the mechanism found it. */
@RequestScoped
public class CurrentCaller {

    @Inject
    HttpServletRequest request;

    public Optional<Caller> find() {
        return Optional.ofNullable(result()).map(SchemeResult::caller);
    }

    /** The caller of an endpoint behind {@code @RolesAllowed}; present by then. */
    public Caller get() {
        return find().orElseThrow(() -> new IllegalStateException("No caller on a protected endpoint"));
    }

    private SchemeResult result() {
        return (SchemeResult) request.getAttribute(GatehouseAuthenticationMechanism.RESULT);
    }
}
