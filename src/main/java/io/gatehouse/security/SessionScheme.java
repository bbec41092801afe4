package io.gatehouse.security;

import io.gatehouse.audit.AuditEvent;
import io.gatehouse.audit.AuditLog;
import io.gatehouse.audit.AuditReason;
import io.gatehouse.audit.AuditScheme;
import io.gatehouse.net.ClientAddress;
import io.gatehouse.session.SessionService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

/**
 * A session key: parameter {@code sesskey} (query or form POST), else cookie {@code sesskey}; the
 * cookie only from Gatehouse's own pages when the request changes something ({@link CrossOriginGuard}).
 */
@ApplicationScoped
public class SessionScheme implements AuthenticationScheme {

    public static final String NAME = "sesskey";
    static final String REFUSAL = "Invalid or expired session key";

    @Inject
    ClientAddress clientAddress;

    @Inject
    SessionService sessions;

    @Inject
    ActiveCallers callers;

    @Inject
    AuditLog audit;

    @Inject
    CrossOriginGuard crossOrigin;

    @Override
    public SchemeResult authenticate(HttpServletRequest request) {
        String key = RequestParameter.get(request, NAME);
        if (key == null) {
            key = cookie(request);
            if (key != null && crossOrigin.refuses(request)) {
                // Another site's page made the browser send its cookie: no authority from it (CSRF).
                audit.record(AuditEvent.failure(AuditScheme.SESSION, AuditReason.CROSS_ORIGIN, null, null,
                        clientAddress.of(request)));
                return SchemeResult.failed(403, CrossOriginGuard.REFUSAL);
            }
        }
        if (key == null) {
            return SchemeResult.ABSENT;
        }
        if (!CredentialShapes.isToken(key)) {
            return refuse(AuditReason.MALFORMED, request);
        }
        SessionService.Resolved session = sessions.resolve(key).orElse(null);
        if (session == null) {
            // Unknown, ended and expired keys look alike here: the key is stored only as a hash.
            return refuse(AuditReason.BAD_CREDENTIALS, request);
        }
        return callers.of(session.userId(), session.issuedAt(), AuthScheme.SESSION, key, REFUSAL, request);
    }

    private SchemeResult refuse(String reason, HttpServletRequest request) {
        audit.record(AuditEvent.failure(AuditScheme.SESSION, reason, null, null, clientAddress.of(request)));
        return SchemeResult.failed(401, REFUSAL);
    }

    private static String cookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (NAME.equals(cookie.getName())) {
                    return cookie.getValue();
                }
            }
        }
        return null;
    }
}
