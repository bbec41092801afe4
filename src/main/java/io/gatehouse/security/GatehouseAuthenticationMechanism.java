package io.gatehouse.security;

import io.gatehouse.net.BodyLimit;
import io.gatehouse.persistence.DatabaseOutage;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.util.List;

/**
 * The application's one authentication mechanism (Jakarta Security allows only one). It asks
 * each credential form in turn; the first one present decides. It never challenges: endpoints
 * that need a caller answer 401 in their own dialect, and a browser never sees a Basic dialog.
 */
@ApplicationScoped
public class GatehouseAuthenticationMechanism implements HttpAuthenticationMechanism {

    /** The request attribute holding this request's {@link SchemeResult}. */
    public static final String RESULT = GatehouseAuthenticationMechanism.class.getName() + ".result";

    @Inject
    BearerScheme bearer;

    @Inject
    BasicScheme basic;

    @Inject
    ApiKeyParameterScheme apiKeyParameter;

    @Inject
    SessionScheme session;

    @Inject
    DatabaseOutage outage;

    private static final String OAUTH_PATHS = "/oauth/";
    private static final String PORTAL_PAGE = "/index.html";
    private static final String PORTAL_ASSETS = "/assets/";
    private static final String AUTH_TYPE = "jakarta.servlet.http.authType";
    private static final String AUTH_TYPE_NAME = "Gatehouse";

    private List<AuthenticationScheme> schemes;

    @PostConstruct
    void order() {
        // Explicit credentials before the cookie a browser sends along by itself.
        schemes = List.of(bearer, basic, apiKeyParameter, session);
    }

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        // Some servers ask twice in one request (Payara's @RolesAllowed filter): verify once.
        SchemeResult result = (SchemeResult) request.getAttribute(RESULT);
        if (result == null) {
            result = evaluate(request);
            request.setAttribute(RESULT, result);
        }
        // The request's auth type, as Jakarta Authentication lets a module name it. Without it Open
        // Liberty takes "BASIC" and re-parses any Basic header itself, failing on a malformed one.
        context.getMessageInfo().getMap().put(AUTH_TYPE, AUTH_TYPE_NAME);
        if (!result.isAuthenticated()) {
            return context.doNothing();
        }
        Caller caller = result.caller();
        return context.notifyContainerAboutLogin(
                new CredentialValidationResult(new CallerPrincipal(caller.name()), caller.groups()));
    }

    private SchemeResult evaluate(HttpServletRequest request) {
        if (request.getRequestURI().startsWith(request.getContextPath() + OAUTH_PATHS)) {
            // The OAuth endpoints authenticate the client themselves (RFC 6749 §2.3): its Basic
            // header is a client id and secret, not a user's e-mail and password.
            return SchemeResult.ABSENT;
        }
        if (BodyLimit.isDeclaredOver(request)) {
            // Refused with 413 by the request size filter: no credential is checked (no hash, no
            // write) for a request that will not be served.
            return SchemeResult.ABSENT;
        }
        if (isPortalFile(request.getRequestURI(), request.getContextPath().length())) {
            // The portal's static files are the same for everyone; a stale cookie sent along with
            // each of them would only fill the audit log with failures.
            return SchemeResult.ABSENT;
        }
        try {
            for (AuthenticationScheme scheme : schemes) {
                SchemeResult result = scheme.authenticate(request);
                if (!result.isAbsent()) {
                    return result;
                }
            }
            return SchemeResult.ABSENT;
        } catch (RuntimeException e) {
            // A credential not in the caches needs the database: while it is away, the endpoint
            // answers 503 in its dialect (an endpoint open to all still serves).
            if (outage.explains(e)) {
                return SchemeResult.failed(503, DatabaseOutage.MESSAGE);
            }
            throw e;
        }
    }

    /** "/", "/index.html" and "/assets/...": the web portal's files (webapp/). */
    private static boolean isPortalFile(String uri, int contextLength) {
        int rest = uri.length() - contextLength;
        return rest == 1 && uri.charAt(contextLength) == '/'
                || rest == PORTAL_PAGE.length() && uri.startsWith(PORTAL_PAGE, contextLength)
                || uri.startsWith(PORTAL_ASSETS, contextLength);
    }
}
