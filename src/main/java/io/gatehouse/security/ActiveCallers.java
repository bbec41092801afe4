package io.gatehouse.security;

import io.gatehouse.account.CallerProfile;
import io.gatehouse.account.ProfileCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Turns a verified user id into a caller, refusing users that are gone, locked or disabled. */
@ApplicationScoped
class ActiveCallers {

    @Inject
    ProfileCache profiles;

    SchemeResult of(long userId, AuthScheme scheme, String sessionKey, String refusal) {
        CallerProfile profile = profiles.find(userId).orElse(null);
        if (profile == null || !profile.isActive()) {
            return SchemeResult.failed(401, refusal);
        }
        return SchemeResult.authenticated(new Caller(profile, scheme, sessionKey));
    }
}
