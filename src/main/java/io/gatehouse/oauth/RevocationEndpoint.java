package io.gatehouse.oauth;

import io.gatehouse.token.TokenType;
import io.gatehouse.token.TokenVerifier;
import io.gatehouse.token.VerifiedToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

/**
 * {@code POST /oauth/v2/revoke} (RFC 7009): a refresh token ends with its family, an access token
 * at once; an unknown token or another client's is answered 200 all the same.
 */
@Path("v2/revoke")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class RevocationEndpoint {

    @Inject
    HttpServletRequest request;

    @Inject
    ClientAuthentication clientAuthentication;

    @Inject
    io.gatehouse.token.RefreshTokens refreshTokens;

    @Inject
    TokenVerifier verifier;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(MultivaluedMap<String, String> form) {
        TokenRequest revocation = TokenRequest.ofForm(form);
        RegisteredClient client = clientAuthentication.authenticate(request.getHeader("Authorization"), revocation);
        if (revocation.token() == null || revocation.token().isBlank()) {
            throw OAuthErrors.invalidRequest("token is required");
        }
        if (!refreshTokens.revoke(revocation.token(), client.clientId())) {
            VerifiedToken access = verifier.verify(revocation.token(), TokenType.ACCESS).orElse(null);
            if (access != null && client.clientId().equals(access.clientId())) {
                verifier.revokeAccessToken(access);
            }
        }
        return Response.ok().header("Cache-Control", "no-store").build();
    }
}
