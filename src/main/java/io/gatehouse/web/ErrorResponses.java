package io.gatehouse.web;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** An error answer in the dialect of the path it answers. */
public final class ErrorResponses {

    private ErrorResponses() {
    }

    /** 401 (or the 400 or 429 the credentials earned) for a request without an accepted caller. */
    public static Response unauthenticated(io.gatehouse.security.SchemeResult result) {
        return result.isAbsent() ? of(401, "Authentication required") : of(result.status(), result.message());
    }

    public static Response of(int status, String message) {
        Response.ResponseBuilder builder = Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Envelope.error(message));
        if (status == 401) {
            // A scheme a browser does not answer with its own dialog (never "Basic").
            builder.header("WWW-Authenticate", "Session realm=\"gatehouse\"");
        }
        return builder.build();
    }
}
