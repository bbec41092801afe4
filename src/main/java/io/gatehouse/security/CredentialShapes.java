package io.gatehouse.security;

/** Cheap checks that keep junk away from the stores. */
final class CredentialShapes {

    private CredentialShapes() {
    }

    /** Session keys and API keys: 1 to 128 characters of [A-Za-z0-9]. */
    static boolean isToken(String value) {
        if (value.isEmpty() || value.length() > 128) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }
}
