package io.gatehouse.net;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Tag;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code X-Forwarded-For} behind trusted proxies: the answer is the peer or a canonical address the headers
 * name, never an exception, and once an untrusted hop is found nothing the client wrote further left changes it.
 */
@Tag("fuzz")
class ClientAddressFuzzTest {

    private static final String TRUSTED = "127.0.0.1, 10.0.0.0/8 ::1 2001:db8::/64";
    private static final ClientAddress ADDRESSES = new ClientAddress(TRUSTED);
    private static final List<IpRange> RANGES = List.of(IpRange.parse("127.0.0.1").orElseThrow(),
            IpRange.parse("10.0.0.0/8").orElseThrow(), IpRange.parse("::1").orElseThrow(),
            IpRange.parse("2001:db8::/64").orElseThrow());
    private static final List<String> PEERS = List.of("127.0.0.1", "10.1.2.3", "::1", "2001:db8::7", "192.0.2.1", "2001:db9::1");

    @FuzzTest(maxDuration = "10m")
    void ofWhenAnyHeadersThenThePeerOrTheNearestUntrustedHop(FuzzedDataProvider data) {
        String peer = data.consumeBoolean() ? data.pickValue(PEERS) : data.consumeString(45);
        List<String> lines = new ArrayList<>();
        int count = data.consumeInt(0, 4);
        for (int i = 0; i < count; i++) {
            lines.add(data.consumeString(200));
        }
        String spoofed = data.consumeRemainingAsString();

        String client = ADDRESSES.of(peer, lines);
        if (!trusted(peer)) {
            assertEquals(peer, client, "an untrusted peer's headers are not read");
            return;
        }
        assertTrue(client.equals(peer) || IpRange.canonical(client).filter(client::equals).isPresent(),
                "the peer or a canonical literal address: " + client);
        if (!trusted(client)) {
            List<String> withSpoof = new ArrayList<>();
            withSpoof.add(spoofed);
            withSpoof.addAll(lines);
            assertEquals(client, ADDRESSES.of(peer, withSpoof), "what the client wrote further left changes nothing");
        }
    }

    private static boolean trusted(String address) {
        return RANGES.stream().anyMatch(range -> range.contains(address));
    }
}
