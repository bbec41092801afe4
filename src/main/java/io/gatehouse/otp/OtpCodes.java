package io.gatehouse.otp;

import io.gatehouse.crypto.Digests;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/** Six random digits, and the keyed hash they are stored and compared as. */
public final class OtpCodes {

    public static final int DIGITS = 6;
    private static final int BOUND = 1_000_000;
    private static final Pattern SHAPE = Pattern.compile("[0-9]{" + DIGITS + "}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private OtpCodes() {
    }

    /** Uniform over 000000..999999; leading zeros kept. */
    public static String generate() {
        return String.format("%06d", RANDOM.nextInt(BOUND));
    }

    /** Only six digits can be a code; anything else (a real password, say) is not a try at one. */
    public static boolean isWellFormed(String code) {
        return code != null && SHAPE.matcher(code).matches();
    }

    /**
     * HMAC-SHA256 under a key derived from the server key, bound to the user: a dump without the
     * key gives no way to test the million candidates, and one user's hash says nothing of another's.
     */
    public static String hash(byte[] key, long userId, String code) {
        return Digests.hmacSha256Hex(key, userId + ":" + code);
    }
}
