package io.gatehouse.account;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

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

    /** Made by the reference implementation (libargon2's CLI: {@code argon2 gatehouse-salt-16 -id -k 19456 -t 2 -p 1 -l 32 -e}). */
    private static final String REFERENCE_OWASP =
            "$argon2id$v=19$m=19456,t=2,p=1$Z2F0ZWhvdXNlLXNhbHQtMTY$ua1FTfmJVSTIMUTK7fHdS05ggB3kQY6Z0d1vxjdqHUU";
    private static final String REFERENCE_SMALL =
            "$argon2id$v=19$m=4096,t=1,p=1$Z2F0ZWhvdXNlLXNhbHQtMTY$SVIOD9DUxkz2S0W9x51AjXOiL1KiMgsK2tFdJbYTDiY";

    @Test
    void agreesWithTheReferenceImplementationHashAfterHashAndInParallel() throws Exception {
        // Memory blocks are reused from one hash to the next: none may carry anything over, whatever
        // the sizes in between or the hashes beside it.
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> checks = IntStream.range(0, 12)
                    .mapToObj(i -> threads.submit(() -> owasp.verify("correct horse battery staple",
                            i % 3 == 0 ? REFERENCE_SMALL : REFERENCE_OWASP)))
                    .toList();
            for (Future<Boolean> check : checks) {
                assertTrue(check.get());
            }
        } finally {
            threads.shutdownNow();
        }
        assertFalse(owasp.verify("correct horse battery stapl", REFERENCE_OWASP));
    }
}
