package io.gatehouse.oauth;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Tag;
import io.gatehouse.web.ApiException;
import io.gatehouse.web.MalformedBody;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import java.io.StringReader;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The token, revocation and introspection bodies: the parameters as sent, or invalid_request (400); nothing else. */
@Tag("fuzz")
class TokenRequestFuzzTest {

    /** One JSON-P provider for all inputs, as the server has: looking one up per input is slow. */
    private static final JsonReaderFactory READERS = jakarta.json.Json.createReaderFactory(java.util.Map.of());

    private static final List<String> NAMES = List.of("grant_type", "client_id", "client_secret", "username",
            "password", "refresh_token", "scope", "token");

    @FuzzTest(maxDuration = "10m")
    void ofFormWhenAnyParametersThenEachOnceAsSentOrInvalidRequest(FuzzedDataProvider data) {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        int count = data.consumeInt(0, 12);
        for (int i = 0; i < count; i++) {
            String name = data.consumeBoolean() ? data.pickValue(NAMES) : data.consumeString(12);
            form.add(name, data.consumeString(64));
        }
        TokenRequest request;
        try {
            request = TokenRequest.ofForm(form);
        } catch (ApiException refused) {
            assertEquals(400, refused.status());
            assertEquals("invalid_request", refused.errorToken());
            assertEquals(true, form.values().stream().anyMatch(values -> values.size() > 1), "refused only for a repeat");
            return;
        }
        assertEquals(form.getFirst("grant_type"), request.grantType());
        assertEquals(form.getFirst("client_id"), request.clientId());
        assertEquals(form.getFirst("client_secret"), request.clientSecret());
        assertEquals(form.getFirst("username"), request.username());
        assertEquals(form.getFirst("password"), request.password());
        assertEquals(form.getFirst("refresh_token"), request.refreshToken());
        assertEquals(form.getFirst("scope"), request.scope());
        assertEquals(form.getFirst("token"), request.token());
    }

    @FuzzTest(maxDuration = "10m")
    void ofJsonWhenAnyBodyThenTheStringsAsSentOrA400(FuzzedDataProvider data) {
        JsonValue body;
        try (JsonReader reader = READERS.createReader(new StringReader(data.consumeRemainingAsString()))) {
            body = reader.readValue();
        } catch (RuntimeException unreadable) {
            // The server answers 400 for what the parser refuses, whichever exception it throws (ErrorMapper).
            assertTrue(MalformedBody.explains(unreadable), () -> "would be a 500: " + unreadable);
            return;
        }
        TokenRequest request;
        try {
            request = TokenRequest.ofJson(io.gatehouse.web.Json.object(body));
        } catch (ApiException refused) {
            assertEquals(400, refused.status());
            return;
        }
        JsonObject object = body.asJsonObject();
        assertEquals(string(object, "grant_type"), request.grantType());
        assertEquals(string(object, "client_id"), request.clientId());
        assertEquals(string(object, "password"), request.password());
        assertEquals(string(object, "token"), request.token());
    }

    private static String string(JsonObject object, String name) {
        return object.get(name) instanceof JsonString text ? text.getString() : null;
    }
}
