package io.gatehouse.it.mpjwt;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * A MicroProfile JWT application as a Gatehouse user writes one: the server's MP-JWT checks each
 * Bearer token, configured with nothing but Gatehouse's JWKS address and issuer (see
 * io.gatehouse.it.MicroProfileJwtServer). Runs on its own Payara Micro, never in Gatehouse.
 */
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({"user", "admin", "client"})
@ApplicationPath("/")
public class CallerApplication extends Application {
}
