package io.gatehouse.web;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.util.Map;

/** The error shape each path family speaks. */
public enum Dialect {
    /** {@code /api/1}, the admin API and everything else: {"success": false, "error": "..."}. */
    KONEKT,
    /** {@code /api/v1}: {"error_code": 401, "error_token": "...", "message": "..."}, 422 with errors[]. */
    EMNIFY,
    /** {@code /oauth} and {@code /otp}: RFC 6749 §5.2, {"error": "invalid_request", "error_description": "..."}. */
    OAUTH;

    public static Dialect of(String path) {
        if (path == null) {
            return KONEKT;
        }
        if (path.startsWith("/api/v1/")) {
            return EMNIFY;
        }
        return path.startsWith("/oauth/") || path.startsWith("/otp/") ? OAUTH : KONEKT;
    }

    public JsonObject body(int status, String message, String errorToken, Map<String, String> fieldErrors) {
        if (this == KONEKT) {
            return Envelope.error(message);
        }
        if (this == OAUTH) {
            return Json.object().add("error", errorToken != null ? errorToken : oauthError(status))
                    .add("error_description", message).build();
        }
        JsonObjectBuilder body = Json.object()
                .add("error_code", status)
                .add("error_token", errorToken != null ? errorToken : defaultToken(status))
                .add("message", message);
        if (fieldErrors != null && !fieldErrors.isEmpty()) {
            var errors = Json.array();
            fieldErrors.forEach((field, problem) -> errors.add(Json.object().add("field", field).add("message", problem)));
            body.add("errors", errors);
        }
        return body.build();
    }

    /** RFC 6749 §5.2 and RFC 6750 §3.1 codes; endpoints name a more precise one (invalid_client, invalid_grant). */
    private static String oauthError(int status) {
        return switch (status) {
            case 401 -> "invalid_token";
            case 403 -> "access_denied";
            case 429 -> "slow_down";
            case 503 -> "temporarily_unavailable";
            default -> status >= 500 ? "server_error" : "invalid_request";
        };
    }

    private static String defaultToken(int status) {
        return switch (status) {
            case 400 -> "BadRequest";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "NotFound";
            case 405 -> "MethodNotAllowed";
            case 406 -> "NotAcceptable";
            case 413 -> "PayloadTooLarge";
            case 415 -> "UnsupportedMediaType";
            case 422 -> "UnprocessableEntity";
            case 429 -> "TooManyRequests";
            case 503 -> "ServiceUnavailable";
            default -> status >= 500 ? "InternalServerError" : "RequestRefused";
        };
    }
}
