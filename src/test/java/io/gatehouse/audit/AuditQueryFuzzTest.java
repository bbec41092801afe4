package io.gatehouse.audit;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Tag;
import io.gatehouse.web.ApiException;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The audit filters: a query within its documented bounds that says what was asked, or a 400 naming a parameter. */
@Tag("fuzz")
class AuditQueryFuzzTest {

    private static final List<String> NAMES = List.of("userid", "username", "scheme", "outcome", "address", "from",
            "to", "first", "max");

    @FuzzTest(maxDuration = "10m")
    void parseWhenAnyParametersThenAQueryWithinBoundsOrA400(FuzzedDataProvider data) {
        Map<String, String> parameters = new HashMap<>();
        int count = data.consumeInt(0, NAMES.size());
        for (int i = 0; i < count; i++) {
            parameters.put(data.pickValue(NAMES), data.consumeString(40));
        }
        AuditQuery query;
        try {
            query = AuditQuery.parse(parameters::get);
        } catch (ApiException refused) {
            assertEquals(400, refused.status());
            assertTrue(NAMES.stream().anyMatch(refused.getMessage()::startsWith), "the refusal names a parameter: " + refused.getMessage());
            return;
        }
        assertTrue(query.first() >= 0);
        assertTrue(query.max() >= 1 && query.max() <= AuditQuery.MAX_MAX);
        assertTrue(query.userId() == null || query.userId() >= 1);
        assertTrue(query.from() == null || query.to() == null || !query.from().isAfter(query.to()));
        if (parameters.containsKey("userid")) {
            assertEquals(Long.parseLong(parameters.get("userid").strip()), query.userId());
        }
        if (parameters.containsKey("first")) {
            assertEquals(Long.parseLong(parameters.get("first").strip()), query.first());
        }
        if (parameters.containsKey("from")) {
            assertEquals(Instant.parse(parameters.get("from").strip()), query.from());
        }
        for (String text : new String[] {query.username(), query.address()}) {
            assertTrue(text == null || !text.isBlank() && text.length() <= AuditEvent.MAX_USERNAME && text.equals(text.strip()));
        }
        if (parameters.containsKey("scheme")) {
            assertEquals(parameters.get("scheme").strip(), query.scheme().wireName());
        }
    }
}
