package io.gatehouse.oauth;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/** The scope a request may have: what it asks for, within what the client is allowed. */
final class Scopes {

    private Scopes() {
    }

    /** The granted scope, space-separated, or null when none was asked for. */
    static String grant(String requested, Set<String> allowed) {
        if (requested == null || requested.isBlank()) {
            return null;
        }
        Set<String> asked = new LinkedHashSet<>(Arrays.asList(requested.trim().split(" +")));
        if (!allowed.containsAll(asked)) {
            throw OAuthErrors.invalidScope("The client may not ask for scope " + requested.trim());
        }
        return String.join(" ", asked);
    }

    /** On refresh, the same scope or a narrower one (RFC 6749 §6). */
    static String narrow(String requested, String original) {
        if (requested == null || requested.isBlank()) {
            return original;
        }
        Set<String> had = original == null ? Set.of() : Set.of(original.split(" "));
        return grant(requested, had);
    }
}
