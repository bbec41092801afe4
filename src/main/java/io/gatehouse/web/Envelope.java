package io.gatehouse.web;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/** The Konekt answer shape, used by {@code /api/1} and the admin API: {success, data} or {success:false, error}. */
public final class Envelope {

    private Envelope() {
    }

    public static JsonObject ok(JsonValue data) {
        return Json.object().add("success", true).add("data", data).build();
    }

    public static JsonObject error(String message) {
        return Json.object().add("success", false).add("error", message).build();
    }
}
