package io.gatehouse.security;

import io.gatehouse.account.Emails;
import io.gatehouse.account.LoginOutcome;
import io.gatehouse.account.PasswordHasher;
import io.gatehouse.account.PasswordLogin;
import io.gatehouse.audit.AuditEvent;
import io.gatehouse.audit.AuditLog;
import io.gatehouse.audit.AuditReason;
import io.gatehouse.audit.AuditScheme;
import io.gatehouse.net.ClientAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code Authorization: Basic base64(email:password)} in UTF-8 (RFC 7617), or with the user name
 * {@code apikey} and an API key as the password. A cached credential is the steady state and is
 * not audited; a cache miss is a password login, audited by {@link PasswordLogin}. A browser
 * caches Basic credentials and sends them along by itself: changes from another site's page are
 * refused ({@link CrossOriginGuard}) before the header is even read.
 */
@ApplicationScoped
public class BasicScheme implements AuthenticationScheme {

    static final String REFUSAL = LoginMessages.REFUSED;
    private static final String API_KEY_USER = "apikey";

    @Inject
    ClientAddress clientAddress;

    @Inject
    BasicCredentialCache cache;

    @Inject
    PasswordLogin passwordLogin;

    @Inject
    ActiveCallers callers;

    @Inject
    ApiKeyParameterScheme apiKeys;

    @Inject
    AuditLog audit;

    @Inject
    CrossOriginGuard crossOrigin;

    @Override
    public SchemeResult authenticate(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return SchemeResult.ABSENT;
        }
        if (crossOrigin.refuses(request)) {
            audit.record(AuditEvent.failure(AuditScheme.BASIC, AuditReason.CROSS_ORIGIN, null, null, clientAddress.of(request)));
            return SchemeResult.failed(403, CrossOriginGuard.REFUSAL);
        }
        BasicCredentials credentials;
        try {
            credentials = BasicCredentials.decode(header);
        } catch (BasicCredentials.Malformed e) {
            return malformed(null, request, e.getMessage());
        }
        String user = credentials.user();
        String password = credentials.password();
        if (API_KEY_USER.equals(user)) {
            return apiKeys.verify(password, request);
        }
        if (password.length() > PasswordHasher.MAX_PASSWORD_LENGTH) {
            return malformed(Emails.normalize(user), request, "Password too long");
        }
        return verifyPassword(Emails.normalize(user), password, request);
    }

    private SchemeResult malformed(String username, HttpServletRequest request, String message) {
        audit.record(AuditEvent.failure(AuditScheme.BASIC, AuditReason.MALFORMED, null, username, clientAddress.of(request)));
        return SchemeResult.failed(400, message);
    }

    private SchemeResult verifyPassword(String email, String password, HttpServletRequest request) {
        String fingerprint = cache.fingerprint(email, password);
        Long cached = cache.userFor(fingerprint);
        if (cached != null) {
            // The password is proven on every request (the cache only spares the hash; a change drops it).
            return callers.of(cached, null, AuthScheme.BASIC, null, REFUSAL, request);
        }
        long generation = cache.generation();
        LoginOutcome outcome = passwordLogin.login(email, password, clientAddress.of(request), AuditScheme.BASIC);
        return switch (outcome.status()) {
            case ACCEPTED -> {
                cache.remember(fingerprint, outcome.profile().userId(), generation);
                yield callers.of(outcome.profile().userId(), null, AuthScheme.BASIC, null, REFUSAL, request);
            }
            case ADDRESS_BLOCKED -> SchemeResult.failed(429, LoginMessages.ADDRESS_BLOCKED);
            case REFUSED, ACCOUNT_BLOCKED -> SchemeResult.failed(401, REFUSAL);
        };
    }
}
