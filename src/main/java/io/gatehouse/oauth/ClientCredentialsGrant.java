package io.gatehouse.oauth;

import io.gatehouse.audit.AuditEvent;
import io.gatehouse.audit.AuditLog;
import io.gatehouse.audit.AuditScheme;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** client_credentials: a token for the client itself, no refresh token (RFC 6749 §4.4). */
@ApplicationScoped
class ClientCredentialsGrant implements Grant {

    @Inject
    AccessTokens accessTokens;

    @Inject
    AuditLog audit;

    @Override
    public String type() {
        return "client_credentials";
    }

    @Override
    public TokenResponse grant(TokenRequest request, RegisteredClient client, String address) {
        TokenResponse issued = accessTokens.issue(null, client, Scopes.grant(request.scope(), client.scopes()), null);
        audit.record(AuditEvent.success(AuditScheme.OAUTH_CLIENT_CREDENTIALS, null, client.clientId(), address));
        return issued;
    }
}
