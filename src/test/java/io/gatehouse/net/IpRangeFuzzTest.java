package io.gatehouse.net;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Tag;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Address ranges (application tokens' {@code ip}, GATEHOUSE_TRUSTED_PROXIES) and literal addresses: any text
 * parses or is empty, never throws; a range contains its own address, canonical spellings are stable.
 */
@Tag("fuzz")
class IpRangeFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void parseWhenAnyTextThenARangeThatContainsItsOwnAddressOrEmpty(FuzzedDataProvider data) {
        String candidate = data.consumeString(64);
        String text = data.consumeBoolean() ? data.consumeRemainingAsString()
                : candidate + "/" + data.consumeInt(-2, 130);
        Optional<IpRange> range = IpRange.parse(text);
        Optional<String> address = IpRange.canonical(candidate);
        if (address.isPresent()) {
            assertEquals(address, IpRange.canonical(address.get()), "the canonical spelling is its own canonical spelling");
            IpRange single = IpRange.parse(candidate).orElseThrow(() -> new AssertionError("an address is a range: " + candidate));
            assertTrue(single.contains(candidate) && single.contains(address.get()), "an address is in its own range");
        }
        if (range.isPresent()) {
            String network = text.strip().split("/", -1)[0];
            assertTrue(range.get().contains(network), "a range contains the address it was written with: " + text);
            range.get().contains(candidate);  // any text is asked about without an exception
        }
    }
}
