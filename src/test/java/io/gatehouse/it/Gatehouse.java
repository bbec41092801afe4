package io.gatehouse.it;

import java.util.Map;
import java.util.UUID;

/** What the tests know of the deployed Gatehouse: its admin, and how to make users and log in. */
public final class Gatehouse {

    /** The bootstrap admin the build passes to the server (pom.xml, failsafe environment). */
    public static final String ADMIN_EMAIL = "admin@gatehouse.test";
    public static final String ADMIN_PASSWORD = "Admin-Passw0rd-for-tests";

    private final Http http;

    public Gatehouse(Http http) {
        this.http = http;
    }

    /** An e-mail no other test or earlier run has used (the PostgreSQL database outlives runs). */
    public static String uniqueEmail(String tag) {
        return tag + "-" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
    }

    /**
     * A client address no other test uses (IPv6 documentation range), for X-Forwarded-For: the
     * suite's server trusts its proxy, 127.0.0.1, to name the client, and per-address limits are
     * counted in the database, across deployments and nodes. Each is in a /64 of its own, since
     * the limits count an IPv6 client by its /64.
     */
    public static String uniqueAddress() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        return "2001:db8:" + Integer.toHexString(random.nextInt(1, 0x10000)) + ":" + Integer.toHexString(random.nextInt(1, 0x10000))
                + "::" + Integer.toHexString(random.nextInt(1, 0x10000));
    }

    /** Another address in the /64 of {@code address}, as {@link #uniqueAddress()} makes them. */
    public static String sameNetwork(String address) {
        return address.substring(0, address.lastIndexOf("::") + 2) + "beef:1";
    }

    public Http.Request asAdmin(Http.Request request) {
        return request.basicAuth(ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    /** Creates an active user through the admin API; returns its userid. */
    public long createUser(String email, String password, String name) {
        String body = jakarta.json.Json.createObjectBuilder()
                .add("email", email).add("password", password).add("name", name).build().toString();
        Reply reply = asAdmin(http.post("/api/admin/users")).json(body).send();
        if (reply.status() != 201) {
            throw new AssertionError("Could not create " + email + ": " + reply);
        }
        return reply.data().getJsonNumber("userid").longValue();
    }

    public Reply login(String email, String password) {
        return http.post("/api/1/auth/session")
                .json(jakarta.json.Json.createObjectBuilder().add("email", email).add("password", password)
                        .build().toString())
                .send();
    }

    public String sessionKey(String email, String password) {
        return login(email, password).data().getString("sesskey");
    }

    public Reply setSettings(String json) {
        return asAdmin(http.put("/api/admin/settings")).json(json).send();
    }

    public Reply patchUser(long userId, String json) {
        return asAdmin(http.patch("/api/admin/users/" + userId)).json(json).send();
    }

    public static Map<String, String> credentials(String email, String password) {
        return Map.of("email", email, "password", password);
    }
}
