package io.gatehouse.account;

import java.util.Locale;

/** One spelling per address, so " Bob@Example.COM " and "bob@example.com" are one account and one counter. */
public final class Emails {

    private Emails() {
    }

    public static String normalize(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    /** A plausible address: something@something, no spaces, at most 320 characters. */
    public static boolean isPlausible(String normalized) {
        int at = normalized.indexOf('@');
        return normalized.length() <= 320 && at > 0 && at == normalized.lastIndexOf('@')
                && at < normalized.length() - 1 && normalized.chars().noneMatch(Character::isWhitespace);
    }
}
