package io.gatehouse.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;

/** One HTTP answer: status, headers, and the JSON body when it has one. */
public record Reply(int status, HttpResponse<String> raw) {

    public String body() {
        return raw.body();
    }

    public Optional<String> header(String name) {
        return raw.headers().firstValue(name);
    }

    public List<String> headers(String name) {
        return raw.headers().allValues(name);
    }

    public JsonStructure json() {
        try (var reader = Json.createReader(new StringReader(raw.body()))) {
            return reader.read();
        } catch (RuntimeException e) {
            throw new AssertionError("Not JSON (status " + status + "): " + raw.body(), e);
        }
    }

    public JsonObject object() {
        return (JsonObject) json();
    }

    /** The Konekt envelope's data, asserting success. */
    public JsonObject data() {
        JsonObject body = object();
        if (status != 200 && status != 201 || !body.getBoolean("success")) {
            throw new AssertionError("Expected success, got " + status + ": " + raw.body());
        }
        return body.getJsonObject("data");
    }

    public JsonValue dataValue() {
        return object().get("data");
    }

    /** The Konekt envelope's error message, asserting a failure envelope. */
    public String error() {
        JsonObject body = object();
        if (body.getBoolean("success")) {
            throw new AssertionError("Expected a failure envelope, got " + raw.body());
        }
        return body.getString("error");
    }

    @Override
    public String toString() {
        return status + " " + raw.body();
    }
}
