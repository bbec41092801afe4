package io.gatehouse.web;

import io.gatehouse.oauth.IntrospectionEndpoint;
import io.gatehouse.oauth.RevocationEndpoint;
import io.gatehouse.oauth.TokenEndpoint;
import io.gatehouse.operations.MatchedRoute;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Set;

/** {@code /oauth}: the token, revocation and introspection endpoints, which authenticate clients themselves. */
@ApplicationPath("oauth")
public class OAuthApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(TokenEndpoint.class, RevocationEndpoint.class, IntrospectionEndpoint.class, ErrorMapper.class,
                MatchedRoute.class);
    }
}
