package io.gatehouse.settings;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Tag;
import io.gatehouse.web.MalformedBody;
import jakarta.json.JsonNumber;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A setting's value as {@code PUT /api/admin/settings} reads it from JSON (a boolean, a JSON-P number, else
 * nothing): accepted only when it is exactly a value of the setting's kind and range, at once.
 */
@Tag("fuzz")
class SettingDefinitionFuzzTest {

    /** One JSON-P provider for all inputs, as the server has: looking one up per input is slow. */
    private static final JsonReaderFactory READERS = jakarta.json.Json.createReaderFactory(java.util.Map.of());

    private static final List<SettingDefinition> DEFINITIONS = List.copyOf(SettingsCatalog.all().values());

    @FuzzTest(maxDuration = "10m")
    void canonicalWhenAnyJsonValueThenExactlyAValueInRangeOrEmpty(FuzzedDataProvider data) {
        SettingDefinition definition = data.pickValue(DEFINITIONS);
        JsonValue json;
        try (JsonReader reader = READERS.createReader(new StringReader(data.consumeRemainingAsString()))) {
            json = reader.readValue();
        } catch (RuntimeException unreadable) {
            // The server answers 400 for what the parser refuses, whichever exception it throws (ErrorMapper).
            assertTrue(MalformedBody.explains(unreadable), () -> "would be a 500: " + unreadable);
            return;
        }
        // As AdminSettingsResource hands it on.
        Object value = json == JsonValue.TRUE ? Boolean.TRUE : json == JsonValue.FALSE ? Boolean.FALSE
                : json instanceof JsonNumber number ? number.bigDecimalValue() : null;

        long started = System.nanoTime();
        Optional<String> canonical = definition.canonical(value);
        assertTrue(System.nanoTime() - started < 1_000_000_000L, "a value is judged at once: " + json);

        if (canonical.isEmpty()) {
            return;
        }
        if (definition.kind() == SettingDefinition.Kind.BOOLEAN) {
            assertEquals(String.valueOf(value), canonical.get());
            return;
        }
        long read = Long.parseLong(canonical.get());
        assertTrue(read >= definition.min() && read <= definition.max(), definition.name() + " out of range: " + read);
        assertEquals(0, ((BigDecimal) value).compareTo(BigDecimal.valueOf(read)),
                definition.name() + ": " + json + " was taken as " + read);
    }
}
