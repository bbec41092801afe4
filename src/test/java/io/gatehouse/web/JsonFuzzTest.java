package io.gatehouse.web;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Tag;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every JSON body goes through JSON-P (a JsonException is a 400 in {@link ErrorMapper}) and then through
 * {@link Json}'s readers, which refuse with a 400 ApiException: nothing else may escape (it would be a 500).
 */
@Tag("fuzz")
class JsonFuzzTest {

    /** One JSON-P provider for all inputs, as the server has: looking one up per input is slow. */
    private static final JsonReaderFactory READERS = jakarta.json.Json.createReaderFactory(java.util.Map.of());

    static JsonValue parse(String text) {
        try (JsonReader reader = READERS.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }

    @FuzzTest(maxDuration = "10m")
    void readersWhenAnyBodyThenTheFieldsOrA400(FuzzedDataProvider data) {
        String name = data.consumeString(20);
        String text = data.consumeRemainingAsString();
        JsonValue body;
        try {
            body = parse(text);
        } catch (RuntimeException unreadable) {
            // The server answers 400 for what the parser refuses, whichever exception it throws (ErrorMapper).
            assertTrue(MalformedBody.explains(unreadable), () -> "would be a 500: " + unreadable);
            return;
        }
        JsonObject object;
        try {
            object = Json.object(body);
        } catch (ApiException refused) {
            assertEquals(400, refused.status());
            assertTrue(body.getValueType() != JsonValue.ValueType.OBJECT);
            return;
        }
        for (String field : object.keySet().isEmpty() ? java.util.Set.of(name) : object.keySet()) {
            JsonValue value = object.get(field);
            try {
                String read = Json.text(object, field);
                if (value == null || value == JsonValue.NULL) {
                    assertNull(read);
                } else {
                    assertEquals(((JsonString) value).getString(), read, "a string field is read as sent");
                }
                assertEquals(read, read == null ? null : Json.requiredText(object, field));
            } catch (ApiException refused) {
                assertEquals(400, refused.status());
                assertTrue(refused.getMessage().startsWith(field), "the refusal names the field");
            }
        }
    }
}
