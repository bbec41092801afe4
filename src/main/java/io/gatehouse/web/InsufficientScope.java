package io.gatehouse.web;

import io.gatehouse.token.Scope;

import java.util.Map;

/** RFC 6750 §3.1: a delegated token lacks the scope an endpoint needs; 403 with a challenge naming it. */
public final class InsufficientScope {

    private InsufficientScope() {
    }

    public static ApiException of(Scope needed) {
        return new ApiException(403, "This token was issued to an OAuth client without the scope " + needed.value
                + " that this endpoint needs", null, Map.of(), challenge(needed));
    }

    public static String challenge(Scope needed) {
        return "Bearer realm=\"gatehouse\", error=\"insufficient_scope\", scope=\"" + needed.value + "\"";
    }
}
