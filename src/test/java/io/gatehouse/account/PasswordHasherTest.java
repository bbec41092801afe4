package io.gatehouse.account;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordHasherTest {

    private final PasswordHasher owasp = PasswordHasher.owasp();

    @Test
    void hashIsSelfDescribingArgon2idAtOwaspParameters() {
        String hash = owasp.hash("correct horse");

        assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
        assertTrue(owasp.verify("correct horse", hash));
        assertFalse(owasp.verify("correct horsE", hash));
    }

    @Test
    void samePasswordGetsADifferentSaltEachTime() {
        String a = owasp.hash("pässwörd");
        String b = owasp.hash("pässwörd");

        assertNotEquals(a, b);
        assertTrue(owasp.verify("pässwörd", a));
        assertTrue(owasp.verify("pässwörd", b));
    }

    @Test
    void hashesMadeWithOtherParametersStillVerifyAndAskForARehash() {
        String weaker = new PasswordHasher(4096, 1, 1).hash("old password");

        assertTrue(owasp.verify("old password", weaker), "parameters are read from the stored hash");
        assertTrue(owasp.needsRehash(weaker));
        assertFalse(owasp.needsRehash(owasp.hash("new password")));
    }

    @Test
    void unreadableHashesNeverVerify() {
        assertFalse(owasp.verify("x", null));
        assertFalse(owasp.verify("x", "plaintext"));
        assertFalse(owasp.verify("x", "$argon2i$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaA"));
        assertFalse(owasp.verify("x", "$argon2id$v=19$m=99999999,t=2,p=1$c2FsdHNhbHQ$aGFzaA"), "absurd cost refused");
        assertFalse(owasp.verify("x", "$argon2id$v=19$m=19456,t=2,p=1$!!!$???"));
        assertTrue(owasp.needsRehash("garbage"));
    }
}
