package io.gatehouse.security;

import io.gatehouse.account.CallerProfile;
import io.gatehouse.account.CredentialCheck;
import io.gatehouse.audit.AuditEvent;
import io.gatehouse.audit.AuditLog;
import io.gatehouse.audit.AuditReason;
import io.gatehouse.net.ClientAddress;
import io.gatehouse.oauth.OAuthClients;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import java.time.Instant;

/**
 * Turns a verified user id (or client id) into a caller, refusing credentials that are no longer
 * good ({@link CredentialCheck}: the user is gone, locked or disabled, or the credential was issued
 * before a revocation) and deleted clients. A refusal is audited; an accepted caller is the steady state and is not.
 */
@ApplicationScoped
class ActiveCallers {

    @Inject
    ClientAddress clientAddress;

    @Inject
    CredentialCheck credentials;

    @Inject
    OAuthClients clients;

    @Inject
    AuditLog audit;

    /** A client_credentials caller: valid while its client is registered. */
    SchemeResult ofClient(String clientId, String scope, String refusal, HttpServletRequest request) {
        if (clients.find(clientId).isPresent()) {
            return SchemeResult.authenticated(new Caller(null, AuthScheme.BEARER, null, clientId, scope));
        }
        audit.record(AuditEvent.failure(AuthScheme.BEARER.audit(), AuditReason.REVOKED, null, clientId,
                clientAddress.of(request)));
        return SchemeResult.failed(401, refusal);
    }

    boolean clientExists(String clientId) {
        return clients.find(clientId).isPresent();
    }

    /**
     * @param issuedAt when the credential was issued, or null for one that stands until revoked
     *                 itself (API key) or was proven on this request (a password): see {@link CredentialCheck}
     * @param request  read only on a refusal: the accepted path stays as cheap as before
     */
    SchemeResult of(long userId, Instant issuedAt, AuthScheme scheme, String sessionKey, String refusal,
                    HttpServletRequest request) {
        return of(userId, issuedAt, scheme, sessionKey, refusal, request, null, null);
    }

    /** @param clientId and {@code scope}: those of a delegated token (an OAuth access token), else null */
    SchemeResult of(long userId, Instant issuedAt, AuthScheme scheme, String sessionKey, String refusal,
                    HttpServletRequest request, String clientId, String scope) {
        CredentialCheck.Verdict verdict = credentials.check(userId, issuedAt);
        if (!verdict.isGood()) {
            CallerProfile profile = verdict.profile();
            audit.record(AuditEvent.failure(scheme.audit(), verdict.refusal(), userId,
                    profile == null ? null : profile.email(), clientAddress.of(request)));
            return SchemeResult.failed(401, refusal);
        }
        return SchemeResult.authenticated(new Caller(verdict.profile(), scheme, sessionKey, clientId, scope));
    }
}
