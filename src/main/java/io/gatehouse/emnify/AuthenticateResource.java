package io.gatehouse.emnify;

import io.gatehouse.account.CallerProfile;
import io.gatehouse.account.LoginOutcome;
import io.gatehouse.account.PasswordHasher;
import io.gatehouse.account.PasswordLogin;
import io.gatehouse.account.ProfileCache;
import io.gatehouse.apptoken.ApplicationToken;
import io.gatehouse.apptoken.ApplicationTokens;
import io.gatehouse.security.LoginMessages;
import io.gatehouse.settings.Settings;
import io.gatehouse.settings.SettingsCatalog;
import io.gatehouse.token.RefreshTokens;
import io.gatehouse.token.TokenIssuer;
import io.gatehouse.token.TokenType;
import io.gatehouse.web.ApiException;
import io.gatehouse.web.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * emnify's {@code POST /api/v1/authenticate}: username and password (plain or its SHA-1 hex) give
 * an auth_token and a refresh_token; a refresh_token gives an auth_token; an application_token
 * gives an auth_token.
 */
@Path("v1/authenticate")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuthenticateResource {

    private static final String INVALID = "Invalid credentials";

    @Inject
    HttpServletRequest request;

    @Inject
    AuthenticateRateLimit rateLimit;

    @Inject
    PasswordLogin passwordLogin;

    @Inject
    RefreshTokens refreshTokens;

    @Inject
    ApplicationTokens applicationTokens;

    @Inject
    ProfileCache profiles;

    @Inject
    TokenIssuer issuer;

    @Inject
    Settings settings;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject authenticate(JsonValue json) {
        String address = request.getRemoteAddr();
        if (!rateLimit.admit(address)) {
            throw new ApiException(429, "Too many authentication requests from this address; try again later");
        }
        JsonObject body = Json.object(json);
        String username = Json.text(body, "username");
        String refreshToken = Json.text(body, "refresh_token");
        String applicationToken = Json.text(body, "application_token");
        if (username != null) {
            return withPassword(username, Json.requiredText(body, "password"), address);
        }
        if (refreshToken != null) {
            long userId = refreshTokens.redeem(refreshToken).orElseThrow(() -> new ApiException(401, INVALID));
            return Json.object().add("auth_token", authToken(activeUser(userId), null, null)).build();
        }
        if (applicationToken != null) {
            ApplicationToken token = applicationTokens.exchangeable(applicationToken, address)
                    .orElseThrow(() -> new ApiException(401, INVALID));
            return Json.object().add("auth_token",
                    authToken(activeUser(token.getCreatorId()), token.getId(), token.getExpiryDate())).build();
        }
        throw ApiException.badRequest("Send username and password, a refresh_token or an application_token");
    }

    private JsonObject withPassword(String username, String password, String address) {
        if (password.isEmpty() || password.length() > PasswordHasher.MAX_PASSWORD_LENGTH) {
            throw ApiException.badRequest("password must be 1 to " + PasswordHasher.MAX_PASSWORD_LENGTH + " characters");
        }
        LoginOutcome outcome = passwordLogin.login(username, password, address, true);
        return switch (outcome.status()) {
            case ACCEPTED -> Json.object()
                    .add("auth_token", authToken(outcome.profile(), null, null))
                    .add("refresh_token", refreshTokens.issue(outcome.profile()))
                    .build();
            case ACCOUNT_BLOCKED -> throw new ApiException(401,
                    "Too many failed logins for this account; try again in 5 minutes", "TooManyRequests", Map.of());
            case ADDRESS_BLOCKED -> throw new ApiException(429, LoginMessages.ADDRESS_BLOCKED);
            case REFUSED -> throw new ApiException(401, INVALID);
        };
    }

    private CallerProfile activeUser(long userId) {
        return profiles.find(userId).filter(CallerProfile::isActive).orElseThrow(() -> new ApiException(401, INVALID));
    }

    private String authToken(CallerProfile user, Long applicationTokenId, Instant notAfter) {
        Instant expires = Instant.now().plus(Duration.ofMinutes(settings.intValue(SettingsCatalog.AUTH_TOKEN_TTL_MINUTES)));
        if (notAfter != null && notAfter.isBefore(expires)) {
            expires = notAfter;
        }
        return issuer.issue(TokenType.ACCESS, user, TokenIssuer.newJti(), expires, applicationTokenId);
    }
}
