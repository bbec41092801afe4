package io.gatehouse.oauth;

import io.gatehouse.account.CallerProfile;
import io.gatehouse.account.CredentialCheck;
import io.gatehouse.audit.AuditEvent;
import io.gatehouse.audit.AuditLog;
import io.gatehouse.audit.AuditReason;
import io.gatehouse.audit.AuditScheme;
import io.gatehouse.token.RefreshToken;
import io.gatehouse.token.RefreshTokens;
import jakarta.enterprise.context.ApplicationScoped;
import io.gatehouse.web.ApiException;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * refresh_token with rotation (RFC 6749 §6, RFC 9700 §4.14): each use gives a new refresh token
 * in the same family and ends the old one; a used token presented again ends the family.
 */
@ApplicationScoped
class RefreshTokenGrant implements Grant {

    @Inject
    RefreshTokens refreshTokens;

    @Inject
    CredentialCheck credentials;

    @Inject
    AccessTokens accessTokens;

    @Inject
    AuditLog audit;

    @Override
    public String type() {
        return "refresh_token";
    }

    /**
     * One transaction for the use and the successor; a refusal keeps what it wrote (a replay's
     * family revocation must stand).
     */
    @Override
    @Transactional(dontRollbackOn = ApiException.class)
    public TokenResponse grant(TokenRequest request, RegisteredClient client, String address) {
        if (request.refreshToken() == null || request.refreshToken().isBlank()) {
            throw OAuthErrors.invalidRequest("refresh_token is required");
        }
        if (request.scope() != null) {
            // A scope wider than the original is refused before the token is used: the client keeps it.
            refreshTokens.live(request.refreshToken()).filter(r -> client.clientId().equals(r.getClientId()))
                    .ifPresent(live -> Scopes.narrow(request.scope(), live.getScope()));
        }
        RefreshTokens.Rotation rotation = refreshTokens.rotate(request.refreshToken(), client.clientId());
        RefreshToken used = rotation.token();
        if (used == null) {
            audit.record(AuditEvent.failure(AuditScheme.OAUTH_REFRESH_TOKEN,
                    rotation.reused() ? AuditReason.REVOKED : AuditReason.BAD_CREDENTIALS, null, client.clientId(), address));
            throw OAuthErrors.invalidGrant(rotation.reused()
                    ? "The refresh token was already used; its whole family is revoked"
                    : "Invalid refresh token");
        }
        CredentialCheck.Verdict verdict = credentials.check(used.getUserId(), used.getCreatedAt());
        if (!verdict.isGood()) {
            audit.record(AuditEvent.failure(AuditScheme.OAUTH_REFRESH_TOKEN, verdict.refusal(), used.getUserId(),
                    client.clientId(), address));
            throw OAuthErrors.invalidGrant("Invalid refresh token");
        }
        CallerProfile user = verdict.profile();
        String scope = Scopes.narrow(request.scope(), used.getScope());
        audit.record(AuditEvent.success(AuditScheme.OAUTH_REFRESH_TOKEN, user.userId(), user.email(), address));
        return accessTokens.issue(user, client, scope,
                refreshTokens.issue(user, client.clientId(), scope, used.getFamilyId()));
    }
}
