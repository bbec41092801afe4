package io.gatehouse.security;

import io.gatehouse.account.CallerProfile;
import io.gatehouse.account.ProfileCache;
import io.gatehouse.oauth.OAuthClients;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Turns a verified user id (or client id) into a caller, refusing users that are gone, locked or disabled, and deleted clients. */
@ApplicationScoped
class ActiveCallers {

    @Inject
    ProfileCache profiles;

    @Inject
    OAuthClients clients;

    /** A client_credentials caller: valid while its client is registered. */
    SchemeResult ofClient(String clientId, String refusal) {
        return clients.find(clientId).isPresent()
                ? SchemeResult.authenticated(new Caller(null, AuthScheme.BEARER, null, clientId))
                : SchemeResult.failed(401, refusal);
    }

    SchemeResult of(long userId, AuthScheme scheme, String sessionKey, String refusal) {
        return of(userId, scheme, sessionKey, refusal, null);
    }

    SchemeResult of(long userId, AuthScheme scheme, String sessionKey, String refusal, String clientId) {
        CallerProfile profile = profiles.find(userId).orElse(null);
        if (profile == null || !profile.isActive()) {
            return SchemeResult.failed(401, refusal);
        }
        return SchemeResult.authenticated(new Caller(profile, scheme, sessionKey, clientId));
    }

    boolean clientExists(String clientId) {
        return clients.find(clientId).isPresent();
    }
}
