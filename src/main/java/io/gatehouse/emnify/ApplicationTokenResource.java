package io.gatehouse.emnify;

import io.gatehouse.account.ProfileCache;
import io.gatehouse.apptoken.ApplicationToken;
import io.gatehouse.apptoken.ApplicationTokens;
import io.gatehouse.net.IpRange;
import io.gatehouse.security.Caller;
import io.gatehouse.security.CurrentCaller;
import io.gatehouse.token.Scope;
import io.gatehouse.web.ApiException;
import io.gatehouse.web.Json;
import io.gatehouse.web.Sensitive;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** emnify's {@code /api/v1/application_token}: create (shown once), list the organisation's, revoke. */
@Path("v1/application_token")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.ROLE_USER)
@Sensitive(Scope.APPLICATION_TOKENS)
public class ApplicationTokenResource {

    /** The last time every supported database stores (MariaDB's DATETIME ends with 9999). */
    private static final Instant LATEST_EXPIRY = Instant.parse("9999-12-31T00:00:00Z");

    @Inject
    CurrentCaller caller;

    @Inject
    ApplicationTokens tokens;

    @Inject
    ProfileCache profiles;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject create(JsonValue json) {
        JsonObject body = json == null ? JsonValue.EMPTY_JSON_OBJECT : Json.object(json);
        String description = Json.text(body, "description");
        if (description != null && description.length() > 500) {
            throw ApiException.unprocessable("description", "must be at most 500 characters");
        }
        Instant expiry = expiry(Json.text(body, "expiry_date"));
        String ip = Json.text(body, "ip");
        if (ip != null && IpRange.parse(ip).isEmpty()) {
            throw ApiException.unprocessable("ip", "must be an IP address or a CIDR range such as 203.0.113.0/24");
        }
        Caller me = caller.get();
        var created = tokens.create(me.profile().partnerId(), me.userId(), description, expiry, ip);
        return Json.object().add("application_token", created.value()).build();
    }

    @GET
    public JsonValue list() {
        JsonArrayBuilder list = Json.array();
        tokens.list(caller.get().profile().partnerId()).forEach(token -> list.add(json(token)));
        return list.build();
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response update(@PathParam("id") long id, JsonValue json) {
        JsonObject body = Json.object(json);
        JsonValue status = body.get("status");
        JsonValue statusId = status instanceof JsonObject s ? s.get("id") : null;
        if (!(statusId instanceof JsonNumber n) || !n.isIntegral() || n.intValue() != ApplicationToken.REVOKED) {
            throw ApiException.unprocessable("status", "must be {\"id\": 1} (Revoked)");
        }
        Caller me = caller.get();
        tokens.revoke(me.profile().partnerId(), me.userId(), me.profile().isAdmin(), id);
        return Response.noContent().build();
    }

    /** YYYY-MM-DD (valid to the end of that day, UTC) or a date-time with a zone; never in the past. */
    private static Instant expiry(String text) {
        if (text == null) {
            return null;
        }
        Instant expiry;
        try {
            expiry = text.length() == 10
                    ? LocalDate.parse(text).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)
                    : OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.unprocessable("expiry_date", "must be YYYY-MM-DD or a date-time with a zone");
        }
        if (!expiry.isAfter(Instant.now())) {
            throw ApiException.unprocessable("expiry_date", "must be in the future");
        }
        if (!expiry.isBefore(LATEST_EXPIRY)) {
            throw ApiException.unprocessable("expiry_date", "must be before 9999-12-31");
        }
        return expiry;
    }

    private JsonObjectBuilder json(ApplicationToken token) {
        boolean revoked = token.getStatus() == ApplicationToken.REVOKED
                || token.getExpiryDate() != null && !Instant.now().isBefore(token.getExpiryDate());
        JsonObjectBuilder json = Json.object()
                .add("id", token.getId())
                .add("created", token.getCreatedAt().toString())
                .add("status", Json.object().add("id", revoked ? ApplicationToken.REVOKED : ApplicationToken.ACTIVATED)
                        .add("description", revoked ? "Revoked" : "Activated"));
        Json.add(json, "description", token.getDescription());
        Json.add(json, "expiry_date", token.getExpiryDate() == null ? null : token.getExpiryDate().toString());
        Json.add(json, "ip", token.getIpRange());
        if (token.getCreatorId() == null) {
            json.addNull("creator");
        } else {
            json.add("creator", profiles.find(token.getCreatorId())
                    .map(p -> Json.object().add("id", p.userId()).add("username", p.email()).add("name", p.name()))
                    .orElseGet(() -> Json.object().add("id", token.getCreatorId())));
        }
        return json;
    }
}
