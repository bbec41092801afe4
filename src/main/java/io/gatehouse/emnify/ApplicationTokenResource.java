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
import io.gatehouse.web.MalformedBody;
import io.gatehouse.web.Sensitive;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
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

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** emnify's {@code /api/v1/application_token}: create (shown once), list the organisation's, revoke. */
@Path("v1/application_token")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.ROLE_USER)
@Sensitive(Scope.APPLICATION_TOKENS)
public class ApplicationTokenResource {

    /** The last time every supported database stores (MariaDB's DATETIME ends with 9999). */
    private static final Instant LATEST_EXPIRY = Instant.parse("9999-12-31T00:00:00Z");
    private static final JsonReaderFactory READERS = jakarta.json.Json.createReaderFactory(Map.of());

    @Inject
    CurrentCaller caller;

    @Inject
    ApplicationTokens tokens;

    @Inject
    ProfileCache profiles;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject create(String json) {
        JsonObject body = body(json);
        String description = description(body);
        Instant expiry = expiry(text(body, "expiry_date"));
        String ip = text(body, "ip");
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

    /** emnify's update: a new {@code description}, and {@code {"status": {"id": 1}}} revokes; a revoked token stays so. */
    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response update(@PathParam("id") long id, String json) {
        JsonObject body = body(json);
        String description = description(body);
        JsonValue status = body.get("status");
        if (status == null && description == null) {
            throw ApiException.unprocessable("status", "send a description or {\"id\": 1} (Revoked)");
        }
        // Exactly the number 1: a wider number's low bits (4294967297) must not pass as 1.
        JsonValue statusId = status instanceof JsonObject s ? s.get("id") : null;
        if (status != null && (!(statusId instanceof JsonNumber n) || BigDecimal.ONE.compareTo(n.bigDecimalValue()) != 0)) {
            throw ApiException.unprocessable("status", "must be {\"id\": 1} (Revoked)");
        }
        Caller me = caller.get();
        tokens.change(me.profile().partnerId(), me.userId(), me.profile().isAdmin(), id, description, status != null);
        return Response.noContent().build();
    }

    /**
     * The body as an object. emnify documents 422 for a body it cannot use, so malformed JSON, another type
     * or a field of the wrong type is a 422 naming the problem here, not the 400 of other paths.
     */
    private static JsonObject body(String json) {
        if (json == null || json.isBlank()) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        try (JsonReader reader = READERS.createReader(new StringReader(json))) {
            if (reader.readValue() instanceof JsonObject object) {
                return object;
            }
        } catch (RuntimeException e) {
            if (!MalformedBody.explains(e)) {
                throw e;
            }
        }
        throw ApiException.unprocessable("body", "must be a JSON object");
    }

    private static String text(JsonObject body, String name) {
        JsonValue value = body.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonString string) {
            return string.getString();
        }
        throw ApiException.unprocessable(name, "must be a string");
    }

    private static String description(JsonObject body) {
        String description = text(body, "description");
        if (description != null && description.length() > 500) {
            throw ApiException.unprocessable("description", "must be at most 500 characters");
        }
        return description;
    }

    /** YYYY-MM-DD (valid to the end of that day, UTC) or a date-time with a zone; never in the past. */
    static Instant expiry(String text) {
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
        // A field without a value is left out: emnify's schema says string or object, never null.
        Json.addPresent(json, "description", token.getDescription());
        Json.addPresent(json, "expiry_date", token.getExpiryDate() == null ? null : token.getExpiryDate().toString());
        Json.addPresent(json, "ip", token.getIpRange());
        if (token.getCreatorId() != null) {
            json.add("creator", profiles.find(token.getCreatorId())
                    .map(p -> Json.object().add("id", p.userId()).add("username", p.email()).add("name", p.name()))
                    .orElseGet(() -> Json.object().add("id", token.getCreatorId())));
        }
        return json;
    }
}
