package io.gatehouse.web;

import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.Map;

/** JSON-P with the provider looked up once, and strict readers for request fields. */
public final class Json {

    private static final JsonBuilderFactory FACTORY = jakarta.json.Json.createBuilderFactory(Map.of());

    private Json() {
    }

    public static JsonObjectBuilder object() {
        return FACTORY.createObjectBuilder();
    }

    public static jakarta.json.JsonArrayBuilder array() {
        return FACTORY.createArrayBuilder();
    }

    /** The request body as an object; 400 for anything else (an array, a number, nothing). */
    public static JsonObject object(JsonValue body) {
        if (body instanceof JsonObject object) {
            return object;
        }
        throw ApiException.badRequest("The request body must be a JSON object");
    }

    /** The field as text; null when absent or JSON null; 400 when it is another type. */
    public static String text(JsonObject body, String name) {
        JsonValue value = body.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value instanceof JsonString string) {
            return string.getString();
        }
        throw ApiException.badRequest(name + " must be a string");
    }

    /** The field as text, or 400 naming it when absent. */
    public static String requiredText(JsonObject body, String name) {
        String value = text(body, name);
        if (value == null) {
            throw ApiException.badRequest(name + " is required");
        }
        return value;
    }

    /** Adds the value when there is one: vendor schemas that say "string" have no null (emnify's token list). */
    public static JsonObjectBuilder addPresent(JsonObjectBuilder builder, String name, String value) {
        return value == null ? builder : builder.add(name, value);
    }

    /** Null-safe add: JSON null for a missing value. */
    public static JsonObjectBuilder add(JsonObjectBuilder builder, String name, String value) {
        return value == null ? builder.addNull(name) : builder.add(name, value);
    }
}
