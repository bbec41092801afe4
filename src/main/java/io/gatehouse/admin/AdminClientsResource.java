package io.gatehouse.admin;

import io.gatehouse.oauth.OAuthClient;
import io.gatehouse.oauth.OAuthClients;
import io.gatehouse.security.Caller;
import io.gatehouse.token.Scope;
import io.gatehouse.web.ApiException;
import io.gatehouse.web.Envelope;
import io.gatehouse.web.Json;
import io.gatehouse.web.Sensitive;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.LinkedHashSet;
import java.util.Set;

/** {@code /api/admin/clients}: OAuth clients; a secret is shown once, at creation or rotation. */
@Path("admin/clients")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.ROLE_ADMIN)
@Sensitive(Scope.ADMIN)
public class AdminClientsResource {

    @Inject
    OAuthClients clients;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(JsonValue json) {
        JsonObject body = Json.object(json);
        OAuthClients.Issued issued = clients.create(Json.text(body, "name"), strings(body, "grant_types"),
                strings(body, "scopes"));
        return Response.status(201).entity(Envelope.ok(withSecret(issued))).build();
    }

    @GET
    public JsonObject list() {
        JsonArrayBuilder list = Json.array();
        clients.list().forEach(c -> list.add(json(c)));
        return Envelope.ok(list.build());
    }

    @POST
    @Path("{clientId}/secret")
    public JsonObject rotateSecret(@PathParam("clientId") String clientId) {
        return Envelope.ok(withSecret(clients.rotateSecret(clientId)));
    }

    @DELETE
    @Path("{clientId}")
    public JsonObject delete(@PathParam("clientId") String clientId) {
        clients.delete(clientId);
        return Envelope.ok(Json.object().build());
    }

    private static JsonObject withSecret(OAuthClients.Issued issued) {
        return json(issued.client()).add("client_secret", issued.secret()).build();
    }

    private static JsonObjectBuilder json(OAuthClient client) {
        JsonArrayBuilder grants = Json.array();
        client.grantTypes().forEach(grants::add);
        JsonArrayBuilder scopes = Json.array();
        client.scopes().forEach(scopes::add);
        return Json.object()
                .add("client_id", client.getClientId())
                .add("name", client.getName())
                .add("grant_types", grants)
                .add("scopes", scopes)
                .add("created", client.getCreatedAt().toString());
    }

    private static Set<String> strings(JsonObject body, String name) {
        JsonValue value = body.get(name);
        if (value == null || value == JsonValue.NULL) {
            return Set.of();
        }
        if (!(value instanceof JsonArray array)) {
            throw ApiException.badRequest(name + " must be an array of strings");
        }
        Set<String> out = new LinkedHashSet<>();
        for (JsonValue item : array) {
            if (!(item instanceof JsonString string)) {
                throw ApiException.badRequest(name + " must be an array of strings");
            }
            out.add(string.getString());
        }
        return out;
    }
}
