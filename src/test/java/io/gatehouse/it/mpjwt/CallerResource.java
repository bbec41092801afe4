package io.gatehouse.it.mpjwt;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.TreeSet;

/** Who the MP-JWT runtime says the caller is: the token's name and groups, as roles. */
@Path("/")
@RequestScoped
public class CallerResource {

    @Inject
    JsonWebToken jwt;

    /** For the test to see the application deployed: answers without a token. */
    @GET
    @Path("ready")
    @PermitAll
    public String ready() {
        return "ready";
    }

    @GET
    @Path("caller")
    @RolesAllowed({"user", "client"})
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject caller() {
        return Json.createObjectBuilder()
                .add("name", jwt.getName())
                .add("groups", Json.createArrayBuilder(new TreeSet<>(jwt.getGroups())))
                .build();
    }

    @GET
    @Path("admin")
    @RolesAllowed("admin")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject admin() {
        return caller();
    }
}
