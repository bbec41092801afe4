package io.gatehouse.web;

import io.gatehouse.persistence.DatabaseOutage;
import io.gatehouse.security.SchemeResult;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** An error answer in the dialect of the path it answers. */
public final class ErrorResponses {

    private ErrorResponses() {
    }

    /** 401 (or the 400 or 429 the credentials earned) for a request without an accepted caller. */
    public static Response unauthenticated(String path, SchemeResult result) {
        return of(path, result.refusalStatus(), result.refusalMessage());
    }

    /** 503 while the database is away: the client may try again (Retry-After, RFC 9110 §10.2.3). */
    public static Response unavailable(String path) {
        return of(path, 503, DatabaseOutage.MESSAGE);
    }

    public static Response of(String path, int status, String message) {
        return of(path, new ApiException(status, message));
    }

    public static Response of(String path, ApiException refusal) {
        Response.ResponseBuilder builder = Response.status(refusal.status()).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Dialect.of(path).body(refusal.status(), refusal.getMessage(), refusal.errorToken(),
                        refusal.fieldErrors()));
        if (refusal.status() == 401) {
            // Bearer, never Basic, unless the caller sent Basic client credentials (RFC 6749 §5.2):
            // a browser answers a Basic challenge with its own login dialog.
            builder.header("WWW-Authenticate", refusal.challenge() != null ? refusal.challenge() : "Bearer realm=\"gatehouse\"");
        }
        if (refusal.status() == 403 && refusal.challenge() != null) {
            builder.header("WWW-Authenticate", refusal.challenge());  // insufficient_scope (RFC 6750 §3.1)
        }
        if (refusal.status() == 503) {
            builder.header("Retry-After", "1");
        }
        if (Dialect.of(path) == Dialect.OAUTH) {
            builder.header("Cache-Control", "no-store").header("Pragma", "no-cache");
        }
        return builder.build();
    }
}
