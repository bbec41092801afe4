package io.gatehouse.oauth;

import io.gatehouse.config.GatehouseConfig;
import io.gatehouse.token.Scope;
import io.gatehouse.web.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code /.well-known/oauth-authorization-server} (RFC 8414). */
@Path("oauth-authorization-server")
@ApplicationScoped
public class AuthorizationServerMetadata {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject metadata() {
        String issuer = GatehouseConfig.issuer();
        return Json.object()
                .add("issuer", issuer)
                .add("token_endpoint", issuer + "/oauth/v2/token")
                .add("revocation_endpoint", issuer + "/oauth/v2/revoke")
                .add("introspection_endpoint", issuer + "/oauth/v2/introspect")
                .add("jwks_uri", issuer + "/.well-known/jwks.json")
                .add("scopes_supported", scopes())
                .add("grant_types_supported", Json.array().add("client_credentials").add("password").add("refresh_token"))
                // No authorization endpoint: no response type is supported.
                .add("response_types_supported", Json.array())
                .add("token_endpoint_auth_methods_supported", authMethods())
                .add("revocation_endpoint_auth_methods_supported", authMethods())
                .add("introspection_endpoint_auth_methods_supported", authMethods())
                .build();
    }

    /** Gatehouse's own vocabulary; a client may also be registered with others, for other resource servers. */
    private static jakarta.json.JsonArrayBuilder scopes() {
        jakarta.json.JsonArrayBuilder scopes = Json.array();
        Scope.names().forEach(scopes::add);
        return scopes;
    }

    private static jakarta.json.JsonArrayBuilder authMethods() {
        return Json.array().add("client_secret_basic").add("client_secret_post");
    }
}
