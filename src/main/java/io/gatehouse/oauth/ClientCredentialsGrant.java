package io.gatehouse.oauth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** client_credentials: a token for the client itself, no refresh token (RFC 6749 §4.4). */
@ApplicationScoped
class ClientCredentialsGrant implements Grant {

    @Inject
    AccessTokens accessTokens;

    @Override
    public String type() {
        return "client_credentials";
    }

    @Override
    public TokenResponse grant(TokenRequest request, RegisteredClient client, String address) {
        return accessTokens.issue(null, client, Scopes.grant(request.scope(), client.scopes()), null);
    }
}
