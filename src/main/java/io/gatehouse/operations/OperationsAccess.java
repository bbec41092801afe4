package io.gatehouse.operations;

import io.gatehouse.security.Caller;
import io.gatehouse.security.GatehouseAuthenticationMechanism;
import io.gatehouse.security.SchemeResult;
import io.gatehouse.settings.Settings;
import io.gatehouse.settings.SettingsCatalog;
import io.gatehouse.token.Scope;
import io.gatehouse.web.Dialect;
import io.gatehouse.web.InsufficientScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Who may read /metrics and readiness: anyone, or with {@code operations.requireAdmin} on only an
 * admin. Any credential form will do, an API key included: a scraper is better given an admin's
 * API key, which opens no admin endpoint, than the admin's password. An OAuth access token needs
 * the admin scope, as on the admin API.
 */
@ApplicationScoped
public class OperationsAccess {

    @Inject
    Settings settings;

    /** Answers the refusal and returns true when this caller may not see the endpoint. */
    boolean refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!settings.flag(SettingsCatalog.OPERATIONS_REQUIRE_ADMIN)) {
            return false;
        }
        SchemeResult result = request.getAttribute(GatehouseAuthenticationMechanism.RESULT) instanceof SchemeResult found
                ? found : SchemeResult.ABSENT;
        Caller caller = result.caller();
        if (caller == null) {
            if (result.refusalStatus() == 401) {
                response.setHeader("WWW-Authenticate", "Bearer realm=\"gatehouse\"");  // never Basic: no browser dialog
            }
            refusal(request, response, result.refusalStatus(), result.refusalMessage());
            return true;
        }
        if (!caller.groups().contains(Caller.ROLE_ADMIN)) {
            refusal(request, response, 403, "Forbidden: this endpoint needs the role admin");
            return true;
        }
        if (!caller.allows(Scope.ADMIN)) {
            response.setHeader("WWW-Authenticate", InsufficientScope.challenge(Scope.ADMIN));
            refusal(request, response, 403, InsufficientScope.of(Scope.ADMIN).getMessage());
            return true;
        }
        return false;
    }

    private static void refusal(HttpServletRequest request, HttpServletResponse response, int status, String message)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(Dialect.of(request.getRequestURI()).body(status, message, null, null).toString());
    }
}
