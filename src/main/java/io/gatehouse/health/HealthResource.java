package io.gatehouse.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code /api/health}: answers while the application is deployed, with no authentication (the benchmark's baseline). */
@Path("health")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    private static final JsonObject UP = Json.createObjectBuilder().add("status", "UP").build();

    @GET
    public JsonObject health() {
        return UP;
    }
}
