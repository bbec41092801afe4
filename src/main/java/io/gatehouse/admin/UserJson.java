package io.gatehouse.admin;

import io.gatehouse.account.AccountService.UserFields;
import io.gatehouse.account.User;
import io.gatehouse.account.UserStatus;
import io.gatehouse.web.ApiException;
import io.gatehouse.web.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.math.BigDecimal;
import java.util.Set;

/** The admin API's user: read from a request body, written to an answer. Never the password hash. */
final class UserJson {

    private static final Set<String> FIELDS = Set.of("email", "password", "name", "role", "phone", "partnerid", "status");

    private UserJson() {
    }

    static UserFields fields(JsonValue json) {
        JsonObject body = Json.object(json);
        for (String name : body.keySet()) {
            if (!FIELDS.contains(name)) {
                throw ApiException.badRequest("Unknown field " + name);
            }
        }
        String status = Json.text(body, "status");
        return new UserFields(Json.text(body, "email"), Json.text(body, "password"), Json.text(body, "name"),
                Json.text(body, "role"), Json.text(body, "phone"), partnerId(body),
                status == null ? null : UserStatus.fromApiName(status).orElseThrow(
                        () -> ApiException.badRequest("status must be \"active\", \"locked\" or \"disabled\"")));
    }

    private static Long partnerId(JsonObject body) {
        JsonValue value = body.get("partnerid");
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        // Bounds checked as a decimal: longValue() keeps the low 64 bits, so 2^64 + 5 would name organisation 5.
        if (value instanceof JsonNumber number && number.isIntegral()
                && number.bigDecimalValue().compareTo(BigDecimal.ONE) >= 0
                && number.bigDecimalValue().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) {
            return number.longValueExact();
        }
        throw ApiException.badRequest("partnerid must be a positive integer");
    }

    static JsonObjectBuilder of(User user) {
        JsonObjectBuilder json = Json.object()
                .add("userid", user.getId())
                .add("email", user.getEmail())
                .add("name", user.getName())
                .add("role", user.getRole())
                .add("partnerid", user.getOrganization().getId())
                .add("status", user.getStatus().apiName())
                .add("created", user.getCreatedAt().toString());
        Json.add(json, "phone", user.getPhone());
        Json.add(json, "lastLogin", user.getLastLoginAt() == null ? null : user.getLastLoginAt().toString());
        return json;
    }
}
