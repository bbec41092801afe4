package io.gatehouse.oauth;

import io.gatehouse.account.AccountService;
import io.gatehouse.account.CallerProfile;
import io.gatehouse.account.LoginOutcome;
import io.gatehouse.account.PasswordHasher;
import io.gatehouse.account.PasswordLogin;
import io.gatehouse.audit.AuditScheme;
import io.gatehouse.account.User;
import io.gatehouse.otp.OtpLogin;
import io.gatehouse.token.RefreshTokens;
import io.gatehouse.token.TokenIssuer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * password: a user's e-mail or phone and password give an access token and a refresh token
 * (RFC 6749 §4.3), counted by the same lockout as every other password path. A live one-time
 * password works in the password's place, once.
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

    @Inject
    OtpLogin otpLogin;

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
        // A one-time password sent to that e-mail or phone (/otp/send) works once in the password's
        // place, counted by the same lockout; anything but a code is checked as the password.
        LoginOutcome outcome = otpLogin.login(request.username(), request.password(), address)
                .orElseGet(() -> passwordLogin.login(email(request.username()), request.password(), address,
                        AuditScheme.OAUTH_PASSWORD));
        return switch (outcome.status()) {
            case ACCEPTED -> tokens(outcome.profile(), client, scope);
            case ADDRESS_BLOCKED -> throw OAuthErrors.tooManyRequests("Too many failed logins from this address; try again later");
            case REFUSED, ACCOUNT_BLOCKED -> throw OAuthErrors.invalidGrant("Invalid username or password");
        };
    }

    private TokenResponse tokens(CallerProfile user, RegisteredClient client, String scope) {
        return accessTokens.issue(user, client, scope, client.grantTypes().contains("refresh_token")
                ? refreshTokens.issue(user, client.clientId(), scope, TokenIssuer.newJti())
                : null);
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
