package io.gatehouse.oauth;

import io.gatehouse.web.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** The successful answer, field for field as the document shows it ("token_type": "bearer", "scope": null). */
record TokenResponse(String accessToken, long expiresIn, String scope, String refreshToken) {

    JsonObject json() {
        JsonObjectBuilder json = Json.object()
                .add("access_token", accessToken)
                .add("expires_in", expiresIn)
                .add("token_type", "bearer");
        Json.add(json, "scope", scope);
        if (refreshToken != null) {
            json.add("refresh_token", refreshToken);
        }
        return json.build();
    }
}
