package io.gatehouse.web;

import io.gatehouse.persistence.DatabaseOutage;
import io.gatehouse.security.GatehouseAuthenticationMechanism;
import io.gatehouse.security.SchemeResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Every failure becomes a clear answer in the dialect; nothing else, and never a stack trace, reaches the caller. */
@Provider
@ApplicationScoped
public class ErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ErrorMapper.class.getName());

    // CDI's request, not JAX-RS's @Context proxy: on Open Liberty, RESTEasy's proxy handed a mapper
    // called from its pre-matching stage (an oversized chunked body) an object of another type.
    @Inject
    HttpServletRequest request;

    @Inject
    DatabaseOutage outage;

    @Override
    public Response toResponse(Throwable failure) {
        String path = request.getRequestURI();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ApiException api) {
                return ErrorResponses.of(path, api);
            }
            if (t instanceof RequestSizeFilter.BodyTooLarge) {
                return ErrorResponses.of(path, 413, RequestSizeFilter.MESSAGE);
            }
            if (MalformedBody.explains(t)) {
                return ErrorResponses.of(path, 400, "Malformed JSON body");
            }
        }
        if (failure instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            if (status == 401) {
                return ErrorResponses.unauthenticated(path, resultOf(request));
            }
            if (status < 500) {
                return ErrorResponses.of(path, status, describe(status));
            }
        }
        if (outage.explains(failure)) {
            LOG.log(Level.WARNING, "The database cannot be reached: {0}", failure.toString());
            return ErrorResponses.unavailable(path);
        }
        LOG.log(Level.SEVERE, "Unexpected failure", failure);
        return ErrorResponses.of(path, 500, "Internal error");
    }

    private static SchemeResult resultOf(HttpServletRequest request) {
        Object result = request.getAttribute(GatehouseAuthenticationMechanism.RESULT);
        return result instanceof SchemeResult found ? found : SchemeResult.ABSENT;
    }

    private static String describe(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 406 -> "Not acceptable: this endpoint answers application/json";
            case 415 -> "Unsupported content type: send application/json or application/x-www-form-urlencoded";
            default -> Response.Status.fromStatusCode(status) == null ? "Request refused"
                    : Response.Status.fromStatusCode(status).getReasonPhrase();
        };
    }
}
