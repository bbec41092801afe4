package io.gatehouse.account;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.Semaphore;

/**
 * Argon2id at OWASP's minimum (19 MiB, 2 passes, 1 lane), stored in the self-describing PHC
 * format {@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash} so that stored hashes carry their own
 * parameters and can be upgraded on the next login when ours change.
 */
public final class PasswordHasher {

    /** Longest password we hash; longer ones are refused before any work. */
    public static final int MAX_PASSWORD_LENGTH = 1024;

    /** OWASP's minimum memory for Argon2id, in KiB: one 1 KiB block each. */
    private static final int OWASP_MEMORY_KIB = 19456;

    /**
     * Hashes at once, at most one per core. Each holds its 19 MiB until done: sixteen logins in parallel
     * took no more CPU to finish but held sixteen times the memory, long enough for the collector to copy it
     * again and again (measured: 136 CPU ms per login instead of about 45, and the heap at its maximum).
     * Queued logins wait their turn; the memory a flood of logins can take is bounded.
     */
    private static final int CORES = Runtime.getRuntime().availableProcessors();
    private static final Semaphore HASHING = new Semaphore(CORES, true);

    /**
     * Argon2's 1 KiB blocks, handed back cleared after each hash and reused by the next instead of left to
     * the collector: 19,456 of them per hash made every login a young collection's worth of garbage. It
     * holds as many as the hashes at once can use at our parameters (19 MiB per core), never more.
     */
    private static final Argon2BytesGenerator.BlockPool BLOCKS = new Argon2BytesGenerator.FixedBlockPool(CORES * OWASP_MEMORY_KIB);

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private final int memoryKib;
    private final int iterations;
    private final int parallelism;

    public PasswordHasher(int memoryKib, int iterations, int parallelism) {
        this.memoryKib = memoryKib;
        this.iterations = iterations;
        this.parallelism = parallelism;
    }

    public static PasswordHasher owasp() {
        return new PasswordHasher(OWASP_MEMORY_KIB, 2, 1);
    }

    public String hash(String password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        byte[] hash = argon2(password, salt, memoryKib, iterations, parallelism, 32);
        return "$argon2id$v=19$m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism
                + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /** True when the password matches; false for a mismatch or a hash we cannot read. */
    public boolean verify(String password, String stored) {
        Parsed parsed = Parsed.of(stored);
        if (parsed == null) {
            return false;
        }
        byte[] actual = argon2(password, parsed.salt, parsed.memoryKib, parsed.iterations, parsed.parallelism,
                parsed.hash.length);
        return MessageDigest.isEqual(actual, parsed.hash);
    }

    /** True when the stored hash was made with other parameters than ours. */
    public boolean needsRehash(String stored) {
        Parsed parsed = Parsed.of(stored);
        return parsed == null || parsed.memoryKib != memoryKib || parsed.iterations != iterations
                || parsed.parallelism != parallelism;
    }

    private static byte[] argon2(String password, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKib)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt)
                .withBlockPool(BLOCKS)
                .build();
        byte[] out = new byte[length];
        HASHING.acquireUninterruptibly();
        try {
            // The blocks are taken from the pool while hashing: inside the turn, so the pool always has enough.
            Argon2BytesGenerator generator = new Argon2BytesGenerator();
            generator.init(parameters);
            generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        } finally {
            HASHING.release();
        }
        return out;
    }

    private record Parsed(int memoryKib, int iterations, int parallelism, byte[] salt, byte[] hash) {

        static Parsed of(String stored) {
            if (stored == null) {
                return null;
            }
            String[] parts = stored.split("\\$");
            // "", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash
            if (parts.length != 6 || !parts[1].equals("argon2id") || !parts[2].equals("v=19")) {
                return null;
            }
            try {
                int m = 0, t = 0, p = 0;
                for (String parameter : parts[3].split(",")) {
                    String[] pair = parameter.split("=", 2);
                    int value = Integer.parseInt(pair[1]);
                    switch (pair[0]) {
                        case "m" -> m = value;
                        case "t" -> t = value;
                        case "p" -> p = value;
                        default -> {
                            return null;
                        }
                    }
                }
                if (m < 8 || t < 1 || p < 1 || m > 1 << 22 || t > 100 || p > 16) {
                    return null;
                }
                return new Parsed(m, t, p, B64D.decode(parts[4]), B64D.decode(parts[5]));
            } catch (RuntimeException malformed) {
                return null;
            }
        }
    }
}
