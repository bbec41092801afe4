package io.gatehouse.konekt;

import io.gatehouse.account.AccountService;
import io.gatehouse.account.LoginOutcome;
import io.gatehouse.account.PasswordHasher;
import io.gatehouse.account.PasswordLogin;
import io.gatehouse.audit.AuditScheme;
import io.gatehouse.net.ClientAddress;
import io.gatehouse.security.AuthScheme;
import io.gatehouse.security.Caller;
import io.gatehouse.security.CurrentCaller;
import io.gatehouse.security.LoginMessages;
import io.gatehouse.security.SessionScheme;
import io.gatehouse.session.SessionService;
import io.gatehouse.token.Scope;
import io.gatehouse.web.ApiException;
import io.gatehouse.web.Envelope;
import io.gatehouse.web.Json;
import io.gatehouse.web.Sensitive;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code POST /api/1/users/me/password}: a user changes their own password, proving the current one.
 * Every session, refresh token and cached password of the user ends, as after an admin's reset; a
 * caller who came with a session goes on under a fresh key, answered and set as the cookie.
 */
@Path("1/users/me/password")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.ROLE_USER)
@Sensitive(Scope.PASSWORD)
public class PasswordResource {

    static final String WRONG_PASSWORD = "current_password is not correct";

    @Inject
    CurrentCaller caller;

    @Inject
    PasswordLogin passwordLogin;

    @Inject
    AccountService accounts;

    @Inject
    SessionService sessions;

    @Inject
    ClientAddress clientAddress;

    @Inject
    HttpServletRequest request;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response change(JsonValue body) {
        JsonObject fields = Json.object(body);
        return change(Json.text(fields, "current_password"), Json.text(fields, "new_password"));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changeForm(@FormParam("current_password") String current, @FormParam("new_password") String next) {
        return change(current, next);
    }

    private Response change(String current, String next) {
        if (current == null || current.isEmpty() || next == null || next.isEmpty()) {
            throw ApiException.badRequest("current_password and new_password are required");
        }
        if (current.length() > PasswordHasher.MAX_PASSWORD_LENGTH) {
            throw ApiException.badRequest("current_password is too long");
        }
        // The new password's rules first: a refused one must not spend a guess of the current one.
        AccountService.checkPassword(next);
        Caller me = caller.get();
        // The same check as a login, lockout and address limit included: a stolen session must
        // not become a way to guess the password without limit.
        LoginOutcome outcome = passwordLogin.login(me.profile().email(), current, clientAddress.of(request),
                AuditScheme.PASSWORD_CHANGE);
        switch (outcome.status()) {
            case ADDRESS_BLOCKED -> throw new ApiException(429, LoginMessages.ADDRESS_BLOCKED);
            // 400, not 401: the request's own credentials are fine, a field of the form is wrong.
            case REFUSED, ACCOUNT_BLOCKED -> throw ApiException.badRequest(WRONG_PASSWORD);
            case ACCEPTED -> {
            }
        }
        accounts.changeOwnPassword(me.userId(), next);
        JsonObjectBuilder data = Json.object();
        Response.ResponseBuilder answer = Response.ok();
        if (me.scheme() == AuthScheme.SESSION) {
            String key = sessions.start(me.userId());
            data.add(SessionScheme.NAME, key);
            answer.cookie(SessionCookie.of(key, request.isSecure()));
        }
        return answer.entity(Envelope.ok(data.build())).build();
    }
}
