package io.gatehouse.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * emnify's portal sends a password as its SHA-1 hex string, and its API takes either form. So
 * Argon2id is computed over the SHA-1 hex of the password: a plain password is turned into it,
 * and on the emnify path a 40-digit hex string may also be it already.
 */
public final class PasswordForms {

    private static final Pattern SHA1_HEX = Pattern.compile("[0-9a-fA-F]{40}");

    private PasswordForms() {
    }

    /** What is hashed and stored for a plain password. */
    public static String canonical(String plain) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(plain.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The canonical forms a login may mean: the plain password's, and with SHA-1 allowed, the hex itself. */
    static List<String> candidates(String given, boolean sha1Allowed) {
        if (sha1Allowed && SHA1_HEX.matcher(given).matches()) {
            return List.of(canonical(given), given.toLowerCase(Locale.ROOT));
        }
        return List.of(canonical(given));
    }
}
