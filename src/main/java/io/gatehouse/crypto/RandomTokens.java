package io.gatehouse.crypto;

import java.security.SecureRandom;

/** Unguessable keys in the shapes the Konekt document shows. */
public final class RandomTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private RandomTokens() {
    }

    /** 32 characters of [a-z0-9]: about 165 bits, like "dkmh7j0moe8qogjtmv15rksl30" but longer. */
    public static String sessionKey() {
        return random(LOWER_ALNUM, 32);
    }

    /** 30 characters of [A-Za-z0-9]: about 178 bits, the shape of "901YyOEtHOWNMnrcbdm04qoCCxUhVU". */
    public static String apiKey() {
        return random(ALNUM, 30);
    }

    /** 43 characters of [A-Za-z0-9]: about 256 bits, an opaque OAuth refresh token as the document shows one. */
    public static String refreshToken() {
        return random(ALNUM, 43);
    }

    private static String random(String alphabet, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
