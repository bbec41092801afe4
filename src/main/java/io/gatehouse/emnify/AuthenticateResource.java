package io.gatehouse.emnify;

import io.gatehouse.account.CallerProfile;
import io.gatehouse.account.LoginOutcome;
import io.gatehouse.account.PasswordHasher;
import io.gatehouse.account.PasswordLogin;
import io.gatehouse.account.CredentialCheck;
import io.gatehouse.apptoken.ApplicationToken;
import io.gatehouse.apptoken.ApplicationTokens;
import io.gatehouse.audit.AuditEvent;
import io.gatehouse.audit.AuditLog;
import io.gatehouse.audit.AuditReason;
import io.gatehouse.audit.AuditScheme;
import io.gatehouse.net.ClientAddress;
import io.gatehouse.operations.IssuedToken;
import io.gatehouse.operations.TokenMetrics;
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
import jakarta.json.JsonString;
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
 * gives an auth_token. Every outcome is audited (the password path by {@link PasswordLogin}).
 */
@Path("v1/authenticate")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuthenticateResource {

    private static final String INVALID = "Invalid credentials";

    @Inject
    ClientAddress clientAddress;

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
    CredentialCheck credentials;

    @Inject
    TokenIssuer issuer;

    @Inject
    Settings settings;

    @Inject
    AuditLog audit;

    @Inject
    TokenMetrics issuedTokens;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject authenticate(JsonValue json) {
        String address = clientAddress.of(request);
        if (!rateLimit.admit(address)) {
            audit.record(AuditEvent.failure(attempted(json), AuditReason.RATE_LIMITED, null, attemptedUser(json), address));
            throw new ApiException(429, "Too many authentication requests from this address; try again later");
        }
        JsonObject body = Json.object(json);
        String username = Json.text(body, "username");
        String refreshToken = Json.text(body, "refresh_token");
        String applicationToken = Json.text(body, "application_token");
        if (username != null) {
            return withPassword(username, Json.text(body, "password"), address);
        }
        if (refreshToken != null) {
            return withRefreshToken(refreshToken, address);
        }
        if (applicationToken != null) {
            return withApplicationToken(applicationToken, address);
        }
        throw ApiException.badRequest("Send username and password, a refresh_token or an application_token");
    }

    private JsonObject withRefreshToken(String refreshToken, String address) {
        RefreshTokens.Redemption redemption = refreshTokens.check(refreshToken);
        if (!redemption.isAccepted()) {
            throw refused(AuditScheme.REFRESH_TOKEN, redemption.refusal(), redemption.userId(), address);
        }
        CallerProfile user = activeUser(redemption.userId(), redemption.issuedAt(), AuditScheme.REFRESH_TOKEN, address);
        JsonObject answer = Json.object().add("auth_token", authToken(user, null, null)).build();
        audit.record(AuditEvent.success(AuditScheme.REFRESH_TOKEN, user.userId(), user.email(), address));
        issuedTokens.issued(IssuedToken.EMNIFY_REFRESH_TOKEN);
        return answer;
    }

    private JsonObject withApplicationToken(String applicationToken, String address) {
        ApplicationTokens.Exchange exchange = applicationTokens.exchange(applicationToken, address);
        if (!exchange.isAccepted()) {
            throw refused(AuditScheme.APPLICATION_TOKEN_EXCHANGE, exchange.refusal(), exchange.creatorId(), address);
        }
        ApplicationToken token = exchange.token();
        // A standing credential: it survives sign-outs (not a lock, a disable or its own revocation).
        CallerProfile user = activeUser(token.getCreatorId(), null, AuditScheme.APPLICATION_TOKEN_EXCHANGE, address);
        if (user.partnerId() != token.getOrganizationId()) {
            // Its creator has moved to another organisation, which can neither list nor revoke the token.
            throw refused(AuditScheme.APPLICATION_TOKEN_EXCHANGE, AuditReason.OTHER_ORGANIZATION, user.userId(), address);
        }
        JsonObject answer = Json.object()
                .add("auth_token", authToken(user, token.getId(), token.getExpiryDate())).build();
        audit.record(AuditEvent.success(AuditScheme.APPLICATION_TOKEN_EXCHANGE, user.userId(), user.email(), address));
        issuedTokens.issued(IssuedToken.EMNIFY_APPLICATION_TOKEN);
        return answer;
    }

    private JsonObject withPassword(String username, String password, String address) {
        if (password == null) {
            audit.record(AuditEvent.failure(AuditScheme.EMNIFY_PASSWORD, AuditReason.MALFORMED, null, username, address));
            throw ApiException.badRequest("password is required");
        }
        if (password.isEmpty() || password.length() > PasswordHasher.MAX_PASSWORD_LENGTH) {
            audit.record(AuditEvent.failure(AuditScheme.EMNIFY_PASSWORD, AuditReason.MALFORMED, null, username, address));
            throw ApiException.badRequest("password must be 1 to " + PasswordHasher.MAX_PASSWORD_LENGTH + " characters");
        }
        LoginOutcome outcome = passwordLogin.login(username, password, address, AuditScheme.EMNIFY_PASSWORD);
        return switch (outcome.status()) {
            case ACCEPTED -> {
                JsonObject answer = Json.object()
                        .add("auth_token", authToken(outcome.profile(), null, null))
                        .add("refresh_token", refreshTokens.issue(outcome.profile()))
                        .build();
                issuedTokens.issued(IssuedToken.EMNIFY_PASSWORD);
                yield answer;
            }
            case ACCOUNT_BLOCKED -> throw new ApiException(401,
                    "Too many failed logins for this account; try again in 5 minutes", "TooManyRequests", Map.of());
            case ADDRESS_BLOCKED -> throw new ApiException(429, LoginMessages.ADDRESS_BLOCKED);
            case REFUSED -> throw new ApiException(401, INVALID);
        };
    }

    private CallerProfile activeUser(long userId, Instant issuedAt, AuditScheme scheme, String address) {
        CredentialCheck.Verdict verdict = credentials.check(userId, issuedAt);
        if (!verdict.isGood()) {
            throw refused(scheme, verdict.refusal(), userId, address);
        }
        return verdict.profile();
    }

    /** Audits the refusal; the caller sees the same 401 whatever the reason. */
    private ApiException refused(AuditScheme scheme, String reason, Long userId, String address) {
        audit.record(AuditEvent.failure(scheme, reason, userId, null, address));
        return new ApiException(401, INVALID);
    }

    /** Which exchange a rate-limited request was, read leniently: the body is not checked past the limit. */
    private static AuditScheme attempted(JsonValue json) {
        if (json instanceof JsonObject body && !body.containsKey("username")) {
            if (body.containsKey("refresh_token")) {
                return AuditScheme.REFRESH_TOKEN;
            }
            if (body.containsKey("application_token")) {
                return AuditScheme.APPLICATION_TOKEN_EXCHANGE;
            }
        }
        return AuditScheme.EMNIFY_PASSWORD;
    }

    private static String attemptedUser(JsonValue json) {
        return json instanceof JsonObject body && body.get("username") instanceof JsonString name ? name.getString() : null;
    }

    private String authToken(CallerProfile user, Long applicationTokenId, Instant notAfter) {
        Instant expires = Instant.now().plus(Duration.ofMinutes(settings.intValue(SettingsCatalog.AUTH_TOKEN_TTL_MINUTES)));
        if (notAfter != null && notAfter.isBefore(expires)) {
            expires = notAfter;
        }
        return issuer.issue(TokenType.ACCESS, user, TokenIssuer.newJti(), expires, applicationTokenId);
    }
}
