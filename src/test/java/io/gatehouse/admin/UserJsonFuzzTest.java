package io.gatehouse.admin;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Tag;
import io.gatehouse.account.AccountService.UserFields;
import io.gatehouse.web.ApiException;
import io.gatehouse.web.MalformedBody;
import jakarta.json.JsonNumber;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The admin API's user body: the fields as sent (a partnerid exactly the number sent), or a 400. */
@Tag("fuzz")
class UserJsonFuzzTest {

    /** One JSON-P provider for all inputs, as the server has: looking one up per input is slow. */
    private static final JsonReaderFactory READERS = jakarta.json.Json.createReaderFactory(java.util.Map.of());

    @FuzzTest(maxDuration = "10m")
    void fieldsWhenAnyBodyThenExactlyWhatWasSentOrA400(FuzzedDataProvider data) {
        String text = data.consumeBoolean()
                ? "{\"partnerid\": " + data.consumeRemainingAsString() + "}"
                : data.consumeRemainingAsString();
        JsonValue body;
        try (JsonReader reader = READERS.createReader(new StringReader(text))) {
            body = reader.readValue();
        } catch (RuntimeException unreadable) {
            // The server answers 400 for what the parser refuses, whichever exception it throws (ErrorMapper).
            assertTrue(MalformedBody.explains(unreadable), () -> "would be a 500: " + unreadable);
            return;
        }
        UserFields fields;
        try {
            fields = UserJson.fields(body);
        } catch (ApiException refused) {
            assertEquals(400, refused.status());
            return;
        }
        if (fields.partnerId() != null) {
            BigDecimal sent = ((JsonNumber) body.asJsonObject().get("partnerid")).bigDecimalValue();
            assertEquals(0, sent.compareTo(BigDecimal.valueOf(fields.partnerId())), "partnerid " + sent + " read as " + fields.partnerId());
            assertTrue(fields.partnerId() > 0);
        }
    }
}
