package io.gatehouse.oauth;

import io.gatehouse.web.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.MultivaluedMap;

/** The parameters of a token, revocation or introspection request, from a form or a JSON body. */
record TokenRequest(String grantType, String clientId, String clientSecret, String username, String password,
                    String refreshToken, String scope, String token) {

    static TokenRequest of(java.util.function.Function<String, String> parameter) {
        return new TokenRequest(parameter.apply("grant_type"), parameter.apply("client_id"),
                parameter.apply("client_secret"), parameter.apply("username"), parameter.apply("password"),
                parameter.apply("refresh_token"), parameter.apply("scope"), parameter.apply("token"));
    }

    /** A form: each parameter at most once (RFC 6749 §3.2). */
    static TokenRequest ofForm(MultivaluedMap<String, String> form) {
        for (var entry : form.entrySet()) {
            if (entry.getValue().size() > 1) {
                throw OAuthErrors.invalidRequest("Parameter " + entry.getKey() + " is repeated");
            }
        }
        return of(form::getFirst);
    }

    /** The document's JSON body: string values only. */
    static TokenRequest ofJson(JsonObject body) {
        return of(name -> Json.text(body, name));
    }
}
