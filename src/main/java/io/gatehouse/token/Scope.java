package io.gatehouse.token;

import java.util.Arrays;
import java.util.List;

/**
 * Gatehouse's scope vocabulary: what a delegated token (an OAuth access token, issued to a client)
 * may do here beyond the non-sensitive baseline. First-party logins need none of them. Other scope
 * tokens a client registers are carried for other resource servers and grant nothing here.
 */
public enum Scope {
    /** View or regenerate the API key. */
    APIKEY("apikey"),
    /** Change the password. */
    PASSWORD("password"),
    /** List, create and revoke emnify application tokens. */
    APPLICATION_TOKENS("application_tokens"),
    /** The admin API, still only with the admin role. */
    ADMIN("admin"),
    /** A client scope: the client may introspect tokens issued to other clients and first-party tokens. */
    INTROSPECTION("introspection");

    public final String value;

    Scope(String value) {
        this.value = value;
    }

    /** Every scope's name, for the server metadata's scopes_supported. */
    public static List<String> names() {
        return Arrays.stream(values()).map(s -> s.value).toList();
    }

    /** Whether a space-separated scope (RFC 6749 §3.3), possibly null, names this scope; no allocation. */
    public boolean isIn(String scope) {
        if (scope == null) {
            return false;
        }
        int from = 0;
        while ((from = scope.indexOf(value, from)) >= 0) {
            int end = from + value.length();
            if ((from == 0 || scope.charAt(from - 1) == ' ') && (end == scope.length() || scope.charAt(end) == ' ')) {
                return true;
            }
            from = end;
        }
        return false;
    }
}
