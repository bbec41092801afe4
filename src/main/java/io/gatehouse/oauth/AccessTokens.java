package io.gatehouse.oauth;

import io.gatehouse.account.CallerProfile;
import io.gatehouse.settings.Settings;
import io.gatehouse.settings.SettingsCatalog;
import io.gatehouse.token.TokenIssuer;
import io.gatehouse.token.TokenType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;

/** OAuth access tokens: JWTs from the same keys as emnify's auth_tokens, valid accessToken.ttlSeconds. */
@ApplicationScoped
class AccessTokens {

    @Inject
    TokenIssuer issuer;

    @Inject
    Settings settings;

    TokenResponse issue(CallerProfile user, RegisteredClient client, String scope, String refreshToken) {
        int ttl = settings.intValue(SettingsCatalog.ACCESS_TOKEN_TTL_SECONDS);
        String token = issuer.issue(TokenType.ACCESS, user, client.clientId(), scope, TokenIssuer.newJti(),
                Instant.now().plusSeconds(ttl), null);
        return new TokenResponse(token, ttl, scope, refreshToken);
    }
}
