package io.gatehouse.admin;

import io.gatehouse.account.AccountService;
import io.gatehouse.account.User;
import io.gatehouse.security.Caller;
import io.gatehouse.token.Scope;
import io.gatehouse.web.ApiException;
import io.gatehouse.web.Envelope;
import io.gatehouse.web.Json;
import io.gatehouse.web.Sensitive;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code /api/admin/users}: the control room's user management. */
@Path("admin/users")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.ROLE_ADMIN)
@Sensitive(Scope.ADMIN)
public class AdminUsersResource {

    @Inject
    AccountService accounts;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(JsonValue body) {
        AccountService.UserFields fields = UserJson.fields(body);
        if (fields.email() == null) {
            throw ApiException.badRequest("email is required");
        }
        User user = accounts.create(fields);
        return Response.status(201).entity(Envelope.ok(UserJson.of(user).build())).build();
    }

    @GET
    public JsonObject find(@QueryParam("email") String email,
                           @QueryParam("first") @DefaultValue("0") int first,
                           @QueryParam("max") @DefaultValue("100") int max) {
        JsonArrayBuilder users = Json.array();
        if (email != null) {
            User user = accounts.findByEmail(email);
            if (user != null) {
                users.add(UserJson.of(user));
            }
        } else {
            accounts.list(Math.max(first, 0), Math.min(Math.max(max, 1), 500)).forEach(u -> users.add(UserJson.of(u)));
        }
        return Envelope.ok(users.build());
    }

    @GET
    @Path("{id}")
    public JsonObject get(@PathParam("id") long id) {
        return Envelope.ok(UserJson.of(accounts.require(id)).build());
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject update(@PathParam("id") long id, JsonValue body) {
        return Envelope.ok(UserJson.of(accounts.update(id, UserJson.fields(body))).build());
    }

    /**
     * Signs the user out everywhere: sessions, tokens, refresh tokens and cached Basic credentials
     * end now. With {@code ?compromised=true} the API key and the user's application tokens end too.
     */
    @POST
    @Path("{id}/revoke")
    public JsonObject revoke(@PathParam("id") long id, @QueryParam("compromised") String compromised) {
        if (compromised != null && !compromised.equals("true") && !compromised.equals("false")) {
            throw ApiException.badRequest("compromised must be true or false");
        }
        accounts.revokeCredentials(id, "true".equals(compromised));
        return Envelope.ok(Json.object().build());
    }

    @DELETE
    @Path("{id}")
    public JsonObject delete(@PathParam("id") long id) {
        accounts.delete(id);
        return Envelope.ok(Json.object().build());
    }
}
