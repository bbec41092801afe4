package io.gatehouse.admin;

import io.gatehouse.account.AccountService;
import io.gatehouse.security.Caller;
import io.gatehouse.settings.SettingDefinition;
import io.gatehouse.settings.Settings;
import io.gatehouse.settings.SettingsCatalog;
import io.gatehouse.token.Scope;
import io.gatehouse.web.ApiException;
import io.gatehouse.web.Envelope;
import io.gatehouse.web.Json;
import io.gatehouse.web.Sensitive;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code /api/admin/settings}: one flat object keyed by dotted names; PUT takes any subset. */
@Path("admin/settings")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.ROLE_ADMIN)
@Sensitive(Scope.ADMIN)
public class AdminSettingsResource {

    @Inject
    Settings settings;

    @Inject
    AccountService accounts;

    @GET
    public JsonObject get() {
        return Envelope.ok(current());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject put(JsonValue json) {
        JsonObject body = Json.object(json);
        Map<String, String> changes = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> entry : body.entrySet()) {
            SettingDefinition definition = SettingsCatalog.all().get(entry.getKey());
            if (definition == null) {
                throw ApiException.badRequest("Unknown setting " + entry.getKey());
            }
            String value = definition.canonical(plain(entry.getValue())).orElseThrow(
                    () -> ApiException.badRequest(entry.getKey() + " must be " + definition.rule()));
            changes.put(entry.getKey(), value);
        }
        checkNewUserOrganization(changes.get(SettingsCatalog.OTP_NEW_USER_PARTNER_ID));
        settings.update(changes);
        return Envelope.ok(current());
    }

    /** Self-registered users may join only an organisation that exists; 0 gives each one of its own. */
    private void checkNewUserOrganization(String partnerId) {
        if (partnerId != null && !"0".equals(partnerId) && !accounts.organizationExists(Long.parseLong(partnerId))) {
            throw ApiException.badRequest(SettingsCatalog.OTP_NEW_USER_PARTNER_ID
                    + " must be the partnerid of an existing organisation, or 0 for an organisation of its own");
        }
    }

    private static Object plain(JsonValue value) {
        if (value == JsonValue.TRUE) {
            return Boolean.TRUE;
        }
        if (value == JsonValue.FALSE) {
            return Boolean.FALSE;
        }
        return value instanceof JsonNumber number ? number.bigDecimalValue() : null;
    }

    private JsonObject current() {
        JsonObjectBuilder json = Json.object();
        settings.snapshot().forEach((name, value) -> {
            if (value instanceof Boolean b) {
                json.add(name, b);
            } else {
                json.add(name, (Long) value);
            }
        });
        return json.build();
    }
}
