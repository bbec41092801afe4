package io.gatehouse.admin;

import io.gatehouse.audit.AuditQuery;
import io.gatehouse.audit.AuditRecord;
import io.gatehouse.audit.AuditStore;
import io.gatehouse.security.Caller;
import io.gatehouse.token.Scope;
import io.gatehouse.web.Envelope;
import io.gatehouse.web.Json;
import io.gatehouse.web.Sensitive;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code GET /api/admin/audit}: authentication events, newest first, filtered by {@code userid},
 * {@code username}, {@code scheme}, {@code outcome}, {@code address}, {@code from} and {@code to},
 * paged by {@code first} and {@code max}. Events are written about a second after they happen.
 */
@Path("admin/audit")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.ROLE_ADMIN)
@Sensitive(Scope.ADMIN)
public class AdminAuditResource {

    @Inject
    AuditStore store;

    @GET
    public JsonObject search(@Context UriInfo uri) {
        AuditQuery query = AuditQuery.parse(uri.getQueryParameters()::getFirst);
        JsonArrayBuilder events = Json.array();
        store.search(query).forEach(event -> events.add(json(event)));
        return Envelope.ok(events.build());
    }

    private static JsonObjectBuilder json(AuditRecord event) {
        JsonObjectBuilder json = Json.object()
                .add("id", event.getId())
                .add("time", event.getTime().toString());
        if (event.getUserId() == null) {
            json.addNull("userid");
        } else {
            json.add("userid", event.getUserId());
        }
        Json.add(json, "username", event.getUsername());
        json.add("scheme", event.getScheme()).add("outcome", event.getOutcome());
        Json.add(json, "reason", event.getReason());
        return Json.add(json, "address", event.getAddress());
    }
}
