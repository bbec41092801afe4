package io.gatehouse.otp;

import io.gatehouse.net.ClientAddress;
import io.gatehouse.settings.Settings;
import io.gatehouse.settings.SettingsCatalog;
import io.gatehouse.web.ApiException;
import io.gatehouse.web.Json;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.security.Principal;

/**
 * {@code POST /otp/send}: an OAuth client asks for a one-time password for a user by e-mail or
 * phone. The answer is the same success whether the address is known, unknown or new; only a
 * turned-off feature, bad input and the throttles answer otherwise.
 */
@Path("send")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(OtpSendResource.ROLE_CLIENT)
public class OtpSendResource {

    /** The group of a caller with an OAuth client_credentials token. */
    static final String ROLE_CLIENT = "client";

    @Inject
    ClientAddress clientAddress;

    @Inject
    HttpServletRequest request;

    @Inject
    Settings settings;

    @Inject
    SendThrottle throttle;

    @Inject
    OtpDispatcher dispatcher;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject send(JsonValue json) {
        if (!settings.flag(SettingsCatalog.OTP_ENABLED)) {
            throw new ApiException(403, "One-time passwords are turned off in the security settings");
        }
        Destination destination = Destination.of(Json.object(json));
        if (!throttle.admitClient(clientId())) {
            throw new ApiException(429, "Too many one-time passwords requested by this client; try again later");
        }
        if (!throttle.admitDestination(destination)) {
            throw new ApiException(429, "Too many one-time passwords requested for this " + destination.channel().field()
                    + "; try again later");
        }
        dispatcher.dispatch(destination);
        return Json.object()
                .add("data", Json.object().add(destination.channel().field(), destination.address()))
                .add("meta", Json.array())
                .build();
    }

    /** The principal's name: a client_credentials caller's is its client id. */
    private String clientId() {
        Principal principal = request.getUserPrincipal();
        return principal != null ? principal.getName() : clientAddress.of(request);
    }
}
