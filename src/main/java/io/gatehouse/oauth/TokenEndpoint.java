package io.gatehouse.oauth;

import io.gatehouse.net.ClientAddress;
import io.gatehouse.operations.IssuedToken;
import io.gatehouse.operations.TokenMetrics;
import io.gatehouse.persistence.ConnectionFailures;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** {@code POST /oauth/v2/token}: a form (RFC 6749) or the document's JSON; client, then grant. */
@Path("v2/token")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class TokenEndpoint {

    @Inject
    ClientAddress clientAddress;

    @Inject
    HttpServletRequest request;

    @Inject
    ClientAuthentication clientAuthentication;

    @Inject
    Instance<Grant> grantBeans;

    @Inject
    TokenMetrics issuedTokens;

    private Map<String, Grant> grants;

    @PostConstruct
    void index() {
        grants = grantBeans.stream().collect(Collectors.toMap(Grant::type, Function.identity()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response form(MultivaluedMap<String, String> form) {
        return token(TokenRequest.ofForm(form));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response json(JsonValue body) {
        return token(TokenRequest.ofJson(io.gatehouse.web.Json.object(body)));
    }

    private Response token(TokenRequest token) {
        RegisteredClient client = clientAuthentication.authenticate(request.getHeader("Authorization"), token);
        if (token.grantType() == null || token.grantType().isBlank()) {
            throw OAuthErrors.invalidRequest("grant_type is required");
        }
        Grant grant = grants.get(token.grantType());
        if (grant == null) {
            throw OAuthErrors.unsupportedGrantType(token.grantType());
        }
        if (!client.grantTypes().contains(grant.type())) {
            throw OAuthErrors.unauthorizedClient(grant.type());
        }
        TokenResponse issued = granted(grant, token, client);
        issuedTokens.issued(IssuedToken.ofOAuthGrant(grant.type()));
        return Response.ok(issued.json())
                .header("Cache-Control", "no-store")
                .header("Pragma", "no-cache")
                .build();
    }

    /**
     * The grant, once more if the database broke a deadlock by rolling it back (concurrent uses of
     * one refresh token on MariaDB): the whole transaction was undone, so trying again is safe.
     */
    private TokenResponse granted(Grant grant, TokenRequest token, RegisteredClient client) {
        for (int attempt = 1; ; attempt++) {
            try {
                return grant.grant(token, client, clientAddress.of(request));
            } catch (RuntimeException e) {
                if (attempt >= 3 || !ConnectionFailures.isRolledBackToRetry(e)) {
                    throw e;
                }
            }
        }
    }
}
