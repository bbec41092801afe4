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

    /** Something shaped like a signed JWT: three dot-separated base64url parts, not too long. */
    static boolean isCompactJwt(String value) {
        if (value.isEmpty() || value.length() > 4096) {
            return false;
        }
        int dots = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '.') {
                dots++;
            } else if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                return false;
            }
        }
        return dots == 2;
    }
}
