package io.gatehouse.admin;

import io.gatehouse.security.Caller;
import io.gatehouse.token.Scope;
import io.gatehouse.token.SigningKeys;
import io.gatehouse.web.Envelope;
import io.gatehouse.web.Json;
import io.gatehouse.web.Sensitive;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code POST /api/admin/signing-keys/rotate}: a new signing key now; tokens of the old one stay valid until they expire. */
@Path("admin/signing-keys")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.ROLE_ADMIN)
@Sensitive(Scope.ADMIN)
public class AdminSigningKeysResource {

    @Inject
    SigningKeys keys;

    @POST
    @Path("rotate")
    public JsonObject rotate() {
        return Envelope.ok(Json.object().add("kid", keys.rotate()).build());
    }
}
