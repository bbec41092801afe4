package io.gatehouse.web;

import io.gatehouse.oauth.AuthorizationServerMetadata;
import io.gatehouse.token.JwksResource;
import io.gatehouse.operations.MatchedRoute;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Set;

/** {@code /.well-known}: the published signing keys and the OAuth server metadata. */
@ApplicationPath(".well-known")
public class WellKnownApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(JwksResource.class, AuthorizationServerMetadata.class, ErrorMapper.class, MatchedRoute.class);
    }
}
