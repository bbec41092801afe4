package io.gatehouse.crypto;

import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SecretBoxTest {

    private final SecretBox box = new SecretBox(new byte[32]);

    @Test
    void sealsAndOpensWithAFreshNonceEachTime() {
        String a = box.seal("901YyOEtHOWNMnrcbdm04qoCCxUhVU");
        String b = box.seal("901YyOEtHOWNMnrcbdm04qoCCxUhVU");

        assertNotEquals(a, b);
        assertFalse(a.contains("901YyOEt"));
        assertEquals("901YyOEtHOWNMnrcbdm04qoCCxUhVU", box.open(a));
        assertEquals("901YyOEtHOWNMnrcbdm04qoCCxUhVU", box.open(b));
    }

    @Test
    void aTamperedOrForeignSealDoesNotOpen() {
        byte[] sealed = Base64.getDecoder().decode(box.seal("secret"));
        sealed[sealed.length - 1] ^= 1;
        String tampered = Base64.getEncoder().encodeToString(sealed);
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;

        assertThrows(IllegalStateException.class, () -> box.open(tampered));
        assertThrows(IllegalStateException.class, () -> new SecretBox(otherKey).open(box.seal("secret")));
    }
}
