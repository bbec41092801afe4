package io.gatehouse.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import static io.gatehouse.it.Gatehouse.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /api/admin/users} behind role admin, and the bootstrap admin. */
class AdminUsersIT extends AgainstServer {

    private Reply create(String json) {
        return gatehouse.asAdmin(http.post("/api/admin/users")).json(json).send();
    }

    @Test
    void theBootstrapAdminExistsWithRoleAdmin() {
        Reply found = gatehouse.asAdmin(http.get("/api/admin/users?email=" + Gatehouse.ADMIN_EMAIL.toUpperCase())).send();

        JsonObject admin = found.object().getJsonArray("data").getJsonObject(0);
        assertEquals(Gatehouse.ADMIN_EMAIL, admin.getString("email"));
        assertEquals("admin", admin.getString("role"));
        assertEquals("active", admin.getString("status"));
        assertFalse(found.body().contains("argon2"), "never the password hash");
    }

    @Test
    void createFindUpdateAndDeleteAUser() {
        String email = uniqueEmail("Admin-Made");
        Reply created = create("{\"email\":\"  " + email + " \",\"password\":\"first-password-1\",\"name\":\"Ada\","
                + "\"phone\":\"+4917012345678\"}");

        assertEquals(201, created.status(), created::toString);
        JsonObject user = created.data();
        long id = user.getJsonNumber("userid").longValue();
        assertEquals(email.toLowerCase(), user.getString("email"), "stored trimmed and in lower case");
        assertEquals("", user.getString("role"));
        assertEquals("+4917012345678", user.getString("phone"));
        assertTrue(user.getJsonNumber("partnerid").longValue() > 0);
        assertFalse(created.body().contains("first-password-1") || created.body().contains("argon2"));

        assertEquals(id, gatehouse.asAdmin(http.get("/api/admin/users/" + id)).send().data().getJsonNumber("userid").longValue());
        assertEquals(409, create("{\"email\":\"" + email.toUpperCase() + "\",\"password\":\"other-password-2\"}").status(),
                "one account per address, whatever its letter case");

        Reply patched = gatehouse.patchUser(id, "{\"name\":\"Ada Lovelace\",\"phone\":\"\"}");
        assertEquals("Ada Lovelace", patched.data().getString("name"));
        assertTrue(patched.data().isNull("phone"));
        assertEquals(200, http.get("/api/1/users/me").basicAuth(email, "first-password-1").send().status());

        Reply deleted = gatehouse.asAdmin(http.delete("/api/admin/users/" + id)).send();
        assertEquals(200, deleted.status(), deleted::toString);
        assertEquals(404, gatehouse.asAdmin(http.get("/api/admin/users/" + id)).send().status());
        assertEquals(401, http.get("/api/1/users/me").basicAuth(email, "first-password-1").send().status(),
                "a deleted user's cached credential dies with it");
    }

    @Test
    void aRoleChangeTakesEffectOnTheNextRequest() {
        String email = uniqueEmail("promoted");
        long id = gatehouse.createUser(email, "promoted-pass-1", "P");
        String session = gatehouse.sessionKey(email, "promoted-pass-1");
        assertEquals(403, http.get("/api/admin/users?sesskey=" + session).send().status());

        gatehouse.patchUser(id, "{\"role\":\"admin\"}");
        assertEquals(200, http.get("/api/admin/users?sesskey=" + session).send().status());
        assertEquals("admin", http.get("/api/1/users/me?sesskey=" + session).send().data().getString("role"));

        gatehouse.patchUser(id, "{\"role\":\"\"}");
        assertEquals(403, http.get("/api/admin/users?sesskey=" + session).send().status());
    }

    @Test
    void aDisabledUserCannotLogInAndAPhoneBelongsToOneUser() {
        String email = uniqueEmail("disabled");
        long id = gatehouse.createUser(email, "disabled-pass-1", "D");
        gatehouse.createUser(uniqueEmail("phone"), "phone-pass-123", "Ph");
        String phone = "+1555" + (1_000_000 + (id % 8_000_000));

        assertEquals(200, gatehouse.patchUser(id, "{\"phone\":\"" + phone + "\"}").status());
        assertEquals(409, create("{\"email\":\"" + uniqueEmail("dup") + "\",\"phone\":\"" + phone + "\"}").status());
        assertEquals(200, gatehouse.patchUser(id, "{\"status\":\"disabled\"}").status());
        assertEquals(401, gatehouse.login(email, "disabled-pass-1").status());
        assertEquals(400, gatehouse.patchUser(id, "{\"status\":\"gone\"}").status());
    }

    @Test
    void anAdminRevokeEndsSessionsRefreshTokensAndCachedPasswordsButNotTheAccount() {
        String email = uniqueEmail("revoked");
        long id = gatehouse.createUser(email, "revoked-pass-1", "R");
        String session = gatehouse.sessionKey(email, "revoked-pass-1");
        String refresh = http.post("/api/v1/authenticate")
                .json("{\"username\":\"" + email + "\",\"password\":\"revoked-pass-1\"}").send()
                .object().getString("refresh_token");
        assertEquals(200, http.get("/api/1/users/me").basicAuth(email, "revoked-pass-1").send().status());

        Reply revoked = gatehouse.asAdmin(http.post("/api/admin/users/" + id + "/revoke")).send();

        assertEquals(200, revoked.status(), revoked::toString);
        assertEquals(401, http.get("/api/1/users/me?sesskey=" + session).send().status());
        assertEquals(401, http.post("/api/v1/authenticate").json("{\"refresh_token\":\"" + refresh + "\"}").send().status());
        assertEquals(200, http.get("/api/1/users/me").basicAuth(email, "revoked-pass-1").send().status(),
                "the password itself still works: a revoke is not a lock");
    }

    @Test
    void unknownUsersAre404AndTheApiNeedsALogin() {
        assertEquals(404, gatehouse.asAdmin(http.get("/api/admin/users/987654321")).send().status());
        assertEquals(404, gatehouse.patchUser(987654321, "{\"name\":\"x\"}").status());
        Reply anonymous = http.get("/api/admin/users").send();
        assertEquals(401, anonymous.status());
        assertEquals("Authentication required", anonymous.error());
    }
}
