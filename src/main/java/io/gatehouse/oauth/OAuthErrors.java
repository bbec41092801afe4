package io.gatehouse.oauth;

import io.gatehouse.web.ApiException;

import java.util.Map;

/** RFC 6749 §5.2 errors, answered in the OAuth dialect by the shared error mapper. */
final class OAuthErrors {

    private OAuthErrors() {
    }

    static ApiException invalidRequest(String description) {
        return new ApiException(400, description, "invalid_request", Map.of());
    }

    /** 401 with a Basic challenge when the client used the Authorization header, else 400 (RFC 6749 §5.2). */
    static ApiException invalidClient(boolean usedBasic) {
        return usedBasic
                ? new ApiException(401, "Client authentication failed", "invalid_client", Map.of(), "Basic realm=\"gatehouse\"")
                : new ApiException(400, "Client authentication failed", "invalid_client", Map.of());
    }

    static ApiException invalidGrant(String description) {
        return new ApiException(400, description, "invalid_grant", Map.of());
    }

    static ApiException unauthorizedClient(String grantType) {
        return new ApiException(400, "This client may not use the " + grantType + " grant", "unauthorized_client", Map.of());
    }

    static ApiException unsupportedGrantType(String grantType) {
        return new ApiException(400, "Unsupported grant_type " + grantType, "unsupported_grant_type", Map.of());
    }

    static ApiException invalidScope(String description) {
        return new ApiException(400, description, "invalid_scope", Map.of());
    }

    static ApiException tooManyRequests(String description) {
        return new ApiException(429, description, "invalid_grant", Map.of());
    }
}
