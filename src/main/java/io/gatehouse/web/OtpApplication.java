package io.gatehouse.web;

import io.gatehouse.otp.OtpSendResource;
import io.gatehouse.operations.MatchedRoute;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Set;

/** {@code /otp}: one-time passwords, asked for by authenticated OAuth clients; errors in the OAuth dialect. */
@ApplicationPath("otp")
public class OtpApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(OtpSendResource.class, ErrorMapper.class, RolesAllowedFeature.class, MatchedRoute.class);
    }
}
