package io.gatehouse.konekt;

import io.gatehouse.account.LoginOutcome;
import io.gatehouse.account.PasswordHasher;
import io.gatehouse.account.PasswordLogin;
import io.gatehouse.audit.AuditEvent;
import io.gatehouse.audit.AuditLog;
import io.gatehouse.audit.AuditReason;
import io.gatehouse.audit.AuditScheme;
import io.gatehouse.net.ClientAddress;
import io.gatehouse.security.AuthScheme;
import io.gatehouse.security.Caller;
import io.gatehouse.security.CrossOriginGuard;
import io.gatehouse.security.CurrentCaller;
import io.gatehouse.security.LoginMessages;
import io.gatehouse.security.SessionScheme;
import io.gatehouse.session.SessionService;
import io.gatehouse.token.RefreshTokens;
import io.gatehouse.web.ApiException;
import io.gatehouse.web.Envelope;
import io.gatehouse.web.Json;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Konekt's {@code /api/1/auth/session}: log in (JSON or a form, as jQuery's $.post sends it) and out. */
@Path("1/auth/session")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    @Inject
    ClientAddress clientAddress;

    @Inject
    PasswordLogin passwordLogin;

    @Inject
    CrossOriginGuard crossOrigin;

    @Inject
    SessionService sessions;

    @Inject
    RefreshTokens refreshTokens;

    @Inject
    CurrentCaller caller;

    @Inject
    HttpServletRequest request;

    @Inject
    AuditLog audit;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response login(JsonValue body) {
        JsonObject credentials = Json.object(body);
        return login(Json.text(credentials, "email"), Json.text(credentials, "password"));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response loginForm(@FormParam("email") String email, @FormParam("password") String password) {
        return login(email, password);
    }

    @DELETE
    @RolesAllowed(Caller.ROLE_USER)
    public Response logout() {
        Caller current = caller.get();
        if (current.scheme() == AuthScheme.SESSION) {
            sessions.end(current.sessionKey());
        }
        if (current.isDelegated()) {
            refreshTokens.revokeAllOf(current.userId(), current.clientId());  // no scope: only its own grant ends
        } else {
            refreshTokens.revokeAllOf(current.userId());
        }
        audit.record(AuditEvent.success(AuditScheme.LOGOUT, current.userId(), current.profile().email(),
                clientAddress.of(request)));
        return Response.ok(Envelope.ok(Json.object().build()))
                .cookie(SessionCookie.cleared(request.isSecure()))
                .build();
    }

    private Response login(String email, String password) {
        String address = clientAddress.of(request);
        if (email == null || email.isBlank() || password == null || password.isEmpty()) {
            audit.record(AuditEvent.failure(AuditScheme.SESSION_LOGIN, AuditReason.MALFORMED, null, email, address));
            throw ApiException.badRequest("email and password are required");
        }
        if (password.length() > PasswordHasher.MAX_PASSWORD_LENGTH) {
            audit.record(AuditEvent.failure(AuditScheme.SESSION_LOGIN, AuditReason.MALFORMED, null, email, address));
            throw ApiException.badRequest("password is too long");
        }
        LoginOutcome outcome = passwordLogin.login(email, password, address, AuditScheme.SESSION_LOGIN);
        switch (outcome.status()) {
            case ADDRESS_BLOCKED -> throw new ApiException(429, LoginMessages.ADDRESS_BLOCKED);
            case REFUSED, ACCOUNT_BLOCKED -> throw new ApiException(401, LoginMessages.REFUSED);
            case ACCEPTED -> {
            }
        }
        // Always a new key: a key the client brought along (fixation) is never adopted.
        String key = sessions.start(outcome.profile().userId());
        Response.ResponseBuilder answer = Response.ok(Envelope.ok(Json.object().add(SessionScheme.NAME, key)
                .addAll(ProfileJson.of(outcome.profile())).build()));
        // Login CSRF: another site's form must not sign this browser in to the attacker's account.
        // The key is still answered: a client of the API reads it from the body.
        if (!crossOrigin.fromAnotherSite(request)) {
            answer.cookie(SessionCookie.of(key, request.isSecure()));
        }
        return answer.build();
    }
}
