package io.gatehouse.oauth;

import io.gatehouse.account.AccountService;
import io.gatehouse.account.LoginOutcome;
import io.gatehouse.account.PasswordHasher;
import io.gatehouse.account.PasswordLogin;
import io.gatehouse.account.User;
import io.gatehouse.token.RefreshTokens;
import io.gatehouse.token.TokenIssuer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * password: a user's e-mail or phone and password give an access token and a refresh token
 * (RFC 6749 §4.3), counted by the same lockout as every other password path.
 */
@ApplicationScoped
class PasswordGrant implements Grant {

    @Inject
    AccountService accounts;

    @Inject
    PasswordLogin passwordLogin;

    @Inject
    AccessTokens accessTokens;

    @Inject
    RefreshTokens refreshTokens;

    @Override
    public String type() {
        return "password";
    }

    @Override
    public TokenResponse grant(TokenRequest request, RegisteredClient client, String address) {
        if (request.username() == null || request.username().isBlank() || request.password() == null
                || request.password().isEmpty()) {
            throw OAuthErrors.invalidRequest("username and password are required");
        }
        if (request.password().length() > PasswordHasher.MAX_PASSWORD_LENGTH) {
            throw OAuthErrors.invalidRequest("password is too long");
        }
        String scope = Scopes.grant(request.scope(), client.scopes());
        LoginOutcome outcome = passwordLogin.login(email(request.username()), request.password(), address);
        return switch (outcome.status()) {
            case ACCEPTED -> accessTokens.issue(outcome.profile(), client, scope,
                    client.grantTypes().contains("refresh_token")
                            ? refreshTokens.issue(outcome.profile(), client.clientId(), scope, TokenIssuer.newJti())
                            : null);
            case ADDRESS_BLOCKED -> throw OAuthErrors.tooManyRequests("Too many failed logins from this address; try again later");
            case REFUSED, ACCOUNT_BLOCKED -> throw OAuthErrors.invalidGrant("Invalid username or password");
        };
    }

    /** The username is an e-mail, or a phone number that names a user. */
    private String email(String username) {
        if (username.indexOf('@') < 0) {
            User byPhone = accounts.findByPhone(username.strip());
            if (byPhone != null) {
                return byPhone.getEmail();
            }
        }
        return username;
    }
}
