package io.gatehouse.security;

import io.gatehouse.account.CallerProfile;
import io.gatehouse.account.ProfileCache;
import io.gatehouse.audit.AuditEvent;
import io.gatehouse.audit.AuditLog;
import io.gatehouse.audit.AuditReason;
import io.gatehouse.net.ClientAddress;
import io.gatehouse.oauth.OAuthClients;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Turns a verified user id (or client id) into a caller, refusing users that are gone, locked or
 * disabled, and deleted clients. A refusal is audited; an accepted caller is the steady state and is not.
 */
@ApplicationScoped
class ActiveCallers {

    @Inject
    ClientAddress clientAddress;

    @Inject
    ProfileCache profiles;

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

    /** @param request read only on a refusal: the accepted path stays as cheap as before */
    SchemeResult of(long userId, AuthScheme scheme, String sessionKey, String refusal, HttpServletRequest request) {
        return of(userId, scheme, sessionKey, refusal, request, null, null);
    }

    /** @param clientId and {@code scope}: those of a delegated token (an OAuth access token), else null */
    SchemeResult of(long userId, AuthScheme scheme, String sessionKey, String refusal, HttpServletRequest request,
                    String clientId, String scope) {
        CallerProfile profile = profiles.find(userId).orElse(null);
        if (profile == null || !profile.isActive()) {
            audit.record(AuditEvent.failure(scheme.audit(), reason(profile), userId,
                    profile == null ? null : profile.email(), clientAddress.of(request)));
            return SchemeResult.failed(401, refusal);
        }
        return SchemeResult.authenticated(new Caller(profile, scheme, sessionKey, clientId, scope));
    }

    private static String reason(CallerProfile profile) {
        if (profile == null) {
            return AuditReason.UNKNOWN_USER;
        }
        return switch (profile.status()) {
            case LOCKED -> AuditReason.USER_LOCKED;
            case DISABLED -> AuditReason.USER_DISABLED;
            case ACTIVE -> throw new IllegalStateException("an active user is not refused");
        };
    }
}
