package io.gatehouse.web;

import io.gatehouse.admin.AdminAuditResource;
import io.gatehouse.admin.AdminClientsResource;
import io.gatehouse.admin.AdminSettingsResource;
import io.gatehouse.admin.AdminSigningKeysResource;
import io.gatehouse.emnify.ApplicationTokenResource;
import io.gatehouse.emnify.AuthenticateResource;
import io.gatehouse.admin.AdminUsersResource;
import io.gatehouse.health.HealthResource;
import io.gatehouse.konekt.MeResource;
import io.gatehouse.konekt.PasswordResource;
import io.gatehouse.konekt.SessionResource;
import io.gatehouse.operations.MatchedRoute;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Set;

/**
 * The REST API under {@code /api}: Konekt ({@code /api/1}), emnify ({@code /api/v1}) and the admin API. Each path family
 * has its own application with its classes listed, so the static portal at {@code /} stays with
 * the server's default servlet.
 */
@ApplicationPath("api")
public class ApiApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(
                SessionResource.class, MeResource.class, PasswordResource.class,
                AuthenticateResource.class, ApplicationTokenResource.class,
                AdminUsersResource.class, AdminSettingsResource.class, AdminSigningKeysResource.class,
                AdminClientsResource.class, AdminAuditResource.class,
                HealthResource.class,
                ErrorMapper.class, RolesAllowedFeature.class, SensitiveFeature.class, MatchedRoute.class);
    }
}
