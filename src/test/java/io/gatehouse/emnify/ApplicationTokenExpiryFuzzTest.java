package io.gatehouse.emnify;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Tag;
import io.gatehouse.web.ApiException;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An application token's {@code expiry_date}: a future instant before 9999-12-31, or emnify's 422 naming the field. */
@Tag("fuzz")
class ApplicationTokenExpiryFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void expiryWhenAnyTextThenAFutureInstantOrA422(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        Instant before = Instant.now();
        Instant expiry;
        try {
            expiry = ApplicationTokenResource.expiry(text);
        } catch (ApiException refused) {
            assertEquals(422, refused.status());
            assertTrue(refused.fieldErrors().containsKey("expiry_date"), refused::getMessage);
            return;
        }
        assertTrue(expiry.isAfter(before) && expiry.isBefore(Instant.parse("9999-12-31T00:00:00Z")), text + " -> " + expiry);
    }
}
