package io.gatehouse.security;

import io.gatehouse.apptoken.ApplicationTokens;
import io.gatehouse.audit.AuditEvent;
import io.gatehouse.audit.AuditLog;
import io.gatehouse.audit.AuditReason;
import io.gatehouse.audit.AuditScheme;
import io.gatehouse.net.ClientAddress;
import io.gatehouse.token.TokenType;
import io.gatehouse.token.TokenVerifier;
import io.gatehouse.token.VerifiedToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code Authorization: Bearer <JWT>}: an emnify auth_token or an OAuth access token. Refresh
 * tokens are of another type and fail here; a token derived from an application token works only
 * while that token is live and from its address range. Only refusals are audited: a verified
 * token is the steady state.
 */
@ApplicationScoped
public class BearerScheme implements AuthenticationScheme {

    static final String REFUSAL = "Invalid or expired token";

    @Inject
    ClientAddress clientAddress;

    @Inject
    TokenVerifier verifier;

    @Inject
    ApplicationTokens applicationTokens;

    @Inject
    ActiveCallers callers;

    @Inject
    AuditLog audit;

    @Override
    public SchemeResult authenticate(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return SchemeResult.ABSENT;
        }
        String jwt = header.substring(7).strip();
        VerifiedToken token = verifier.verify(jwt, TokenType.ACCESS).orElse(null);
        if (token == null) {
            // Forged, expired and foreign tokens look alike to the verifier; junk is told apart.
            String reason = CredentialShapes.isCompactJwt(jwt) ? AuditReason.BAD_CREDENTIALS : AuditReason.MALFORMED;
            audit.record(AuditEvent.failure(AuditScheme.BEARER, reason, null, null, clientAddress.of(request)));
            return SchemeResult.failed(401, REFUSAL);
        }
        if (token.isClientOnly()) {
            return callers.ofClient(token.clientId(), token.scope(), REFUSAL, request);
        }
        if (token.clientId() != null && !callers.clientExists(token.clientId())) {
            return SchemeResult.failed(401, REFUSAL);  // issued to a client that has since been deleted
        }
        Long applicationToken = token.applicationTokenId();
        String address = applicationToken == null ? null : clientAddress.of(request);
        if (applicationToken != null && !applicationTokens.admits(applicationToken, address)) {
            audit.record(AuditEvent.failure(AuditScheme.APPLICATION_TOKEN,
                    applicationTokens.refusal(applicationToken, address), token.userId(), null, address));
            return SchemeResult.failed(401, REFUSAL);
        }
        return callers.of(token.userId(), token.issuedAt(),
                applicationToken == null ? AuthScheme.BEARER : AuthScheme.APPLICATION_TOKEN,
                null, REFUSAL, request, token.clientId(), token.scope());
    }
}
