package io.gatehouse.oauth;

import io.gatehouse.account.CallerProfile;
import io.gatehouse.account.CredentialCheck;
import io.gatehouse.config.GatehouseConfig;
import io.gatehouse.token.RefreshToken;
import io.gatehouse.token.RefreshTokens;
import io.gatehouse.token.Scope;
import io.gatehouse.token.TokenIssuer;
import io.gatehouse.token.TokenType;
import io.gatehouse.token.TokenVerifier;
import io.gatehouse.token.VerifiedToken;
import io.gatehouse.web.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import java.time.Instant;

/**
 * {@code POST /oauth/v2/introspect} (RFC 7662), for an authenticated client: about its own tokens,
 * or with the client scope {@code introspection} about any. Another client's token or a first-party
 * one is {@code {"active": false}} to anyone else (§2.2), so introspection reveals no one's tokens.
 */
@Path("v2/introspect")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class IntrospectionEndpoint {

    private static final JsonObject INACTIVE = Json.object().add("active", false).build();

    @Inject
    HttpServletRequest request;

    @Inject
    ClientAuthentication clientAuthentication;

    @Inject
    TokenVerifier verifier;

    @Inject
    RefreshTokens refreshTokens;

    @Inject
    CredentialCheck credentials;

    @Inject
    OAuthClients clients;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response introspect(MultivaluedMap<String, String> form) {
        TokenRequest introspection = TokenRequest.ofForm(form);
        RegisteredClient client = clientAuthentication.authenticate(request.getHeader("Authorization"), introspection);
        if (introspection.token() == null || introspection.token().isBlank()) {
            throw OAuthErrors.invalidRequest("token is required");
        }
        return Response.ok(describe(introspection.token(), client)).header("Cache-Control", "no-store").build();
    }

    private JsonObject describe(String token, RegisteredClient asker) {
        boolean mayIntrospectAny = asker.scopes().contains(Scope.INTROSPECTION.value);
        VerifiedToken access = verifier.verify(token, TokenType.ACCESS).orElse(null);
        if (access != null) {
            if (!mayIntrospectAny && !asker.clientId().equals(access.clientId())) {
                return INACTIVE;
            }
            if (access.isClientOnly()) {
                return clients.find(access.clientId()).isPresent()
                        ? active(access.clientId(), access.clientId(), null, access.scope(), "bearer", access.expiresAtMillis())
                        : INACTIVE;
            }
            CallerProfile user = goodFor(access.userId(), access.issuedAt());
            return user == null ? INACTIVE
                    : active(String.valueOf(user.userId()), access.clientId(), user.email(), access.scope(), "bearer",
                    access.expiresAtMillis());
        }
        RefreshToken refresh = refreshTokens.live(token).orElse(null);
        if (refresh != null) {
            if (!mayIntrospectAny && !asker.clientId().equals(refresh.getClientId())) {
                return INACTIVE;
            }
            CallerProfile user = goodFor(refresh.getUserId(), refresh.getCreatedAt());
            return user == null ? INACTIVE
                    : active(String.valueOf(user.userId()), refresh.getClientId(), user.email(), refresh.getScope(),
                    "refresh_token", refresh.getExpiresAt().toEpochMilli());
        }
        return INACTIVE;
    }

    /** The token's user while the token is good ({@link CredentialCheck}), else null. */
    private CallerProfile goodFor(long userId, Instant issuedAt) {
        CredentialCheck.Verdict verdict = credentials.check(userId, issuedAt);
        return verdict.isGood() ? verdict.profile() : null;
    }

    private static JsonObject active(String subject, String clientId, String username, String scope, String type,
                                     long expiresAtMillis) {
        JsonObjectBuilder json = Json.object()
                .add("active", true)
                .add("sub", subject)
                .add("token_type", type)
                .add("exp", expiresAtMillis / 1000)
                .add("iss", GatehouseConfig.issuer())
                .add("aud", TokenIssuer.AUDIENCE);
        Json.add(json, "client_id", clientId);
        Json.add(json, "username", username);
        if (scope != null) {
            json.add("scope", scope);
        }
        return json.build();
    }
}
