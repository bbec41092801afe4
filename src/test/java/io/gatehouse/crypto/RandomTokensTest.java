package io.gatehouse.crypto;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RandomTokensTest {

    @Test
    void keysHaveTheDocumentedShapesAndDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String session = RandomTokens.sessionKey();
            String api = RandomTokens.apiKey();
            assertTrue(session.matches("[a-z0-9]{32}"), session);
            assertTrue(api.matches("[A-Za-z0-9]{30}"), api);
            seen.add(session);
            seen.add(api);
        }
        assertEquals(2000, seen.size());
    }

    @Test
    void keyedLookupHashesDependOnTheKey() {
        String value = RandomTokens.apiKey();
        byte[] k1 = new byte[32];
        byte[] k2 = new byte[32];
        k2[31] = 7;

        assertEquals(64, Digests.hmacSha256Hex(k1, value).length());
        assertTrue(!Digests.hmacSha256Hex(k1, value).equals(Digests.hmacSha256Hex(k2, value)));
        assertTrue(!Digests.sha256Hex(value).contains(value));
    }
}
