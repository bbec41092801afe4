package io.gatehouse.security;

/**
 * What one scheme made of a request: its credential form was absent, it authenticated a caller,
 * or it failed with the status and message the caller will see if the endpoint needs a login.
 */
public record SchemeResult(Caller caller, int status, String message) {

    public static final SchemeResult ABSENT = new SchemeResult(null, 0, null);

    static SchemeResult authenticated(Caller caller) {
        return new SchemeResult(caller, 200, null);
    }

    static SchemeResult failed(int status, String message) {
        return new SchemeResult(null, status, message);
    }

    /** This request's result, through the JAX-RS view of the servlet request's attributes. */
    public static SchemeResult of(jakarta.ws.rs.container.ContainerRequestContext request) {
        Object result = request.getProperty(GatehouseAuthenticationMechanism.RESULT);
        return result instanceof SchemeResult found ? found : ABSENT;
    }

    public boolean isAbsent() {
        return caller == null && status == 0;
    }

    public boolean isAuthenticated() {
        return caller != null;
    }

    /** What a request without an accepted caller is answered: 401, or the 400 or 429 its credentials earned. */
    public int refusalStatus() {
        return isAbsent() ? 401 : status;
    }

    public String refusalMessage() {
        return isAbsent() ? "Authentication required" : message;
    }
}
