package io.gatehouse.konekt;

import io.gatehouse.apikey.ApiKeyService;
import io.gatehouse.security.Caller;
import io.gatehouse.security.CurrentCaller;
import io.gatehouse.token.Scope;
import io.gatehouse.web.Envelope;
import io.gatehouse.web.Json;
import io.gatehouse.web.Sensitive;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Konekt's {@code /api/1/users/me} and its API key. */
@Path("1/users/me")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.ROLE_USER)
public class MeResource {

    @Inject
    CurrentCaller caller;

    @Inject
    ApiKeyService apiKeys;

    @GET
    public JsonObject me() {
        return Envelope.ok(ProfileJson.of(caller.get().profile()).build());
    }

    @GET
    @Path("apikey")
    @Sensitive(Scope.APIKEY)
    public JsonObject viewApiKey() {
        return apiKey(apiKeys.view(caller.get().userId()));
    }

    @POST
    @Path("apikey")
    @Sensitive(Scope.APIKEY)
    public JsonObject regenerateApiKey() {
        return apiKey(apiKeys.regenerate(caller.get().userId()));
    }

    private static JsonObject apiKey(String key) {
        return Envelope.ok(Json.object().add("apikey", key).build());
    }
}
