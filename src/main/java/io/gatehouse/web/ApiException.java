package io.gatehouse.web;

import java.util.Map;

/** A refusal with an HTTP status and a message safe to show the caller; written in the caller's dialect. */
public class ApiException extends RuntimeException {

    private final int status;
    private final String errorToken;
    private final Map<String, String> fieldErrors;
    private final String challenge;

    public ApiException(int status, String message) {
        this(status, message, null, Map.of());
    }

    public ApiException(int status, String message, String errorToken, Map<String, String> fieldErrors) {
        this(status, message, errorToken, fieldErrors, null);
    }

    public ApiException(int status, String message, String errorToken, Map<String, String> fieldErrors, String challenge) {
        super(message, null, false, false);
        this.status = status;
        this.errorToken = errorToken;
        this.fieldErrors = fieldErrors;
        this.challenge = challenge;
    }

    /** The WWW-Authenticate value of a 401 when not the default Bearer challenge, or of a 403 for a missing scope. */
    public String challenge() {
        return challenge;
    }

    public int status() {
        return status;
    }

    /** emnify's error token, when it is not the status's default. */
    public String errorToken() {
        return errorToken;
    }

    /** Field name to problem, for a 422. */
    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, message);
    }

    public static ApiException conflict(String message) {
        return new ApiException(409, message);
    }

    public static ApiException unprocessable(String field, String problem) {
        return new ApiException(422, field + " " + problem, null, Map.of(field, problem));
    }
}
