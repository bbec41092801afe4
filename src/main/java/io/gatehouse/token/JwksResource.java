package io.gatehouse.token;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code /.well-known/jwks.json}: every public key that still verifies, the active one first. */
@Path("jwks.json")
@ApplicationScoped
public class JwksResource {

    @Inject
    SigningKeys keys;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response jwks() {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(60);  // short: after a rotation, verifiers that cache the set must see the new key soon
        // Only public members: JWKSet.toString() leaves private parts out.
        return Response.ok(keys.publicKeys().toString(true)).cacheControl(cache).build();
    }
}
