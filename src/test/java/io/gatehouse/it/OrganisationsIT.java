package io.gatehouse.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;

import static io.gatehouse.it.Gatehouse.ADMIN_EMAIL;
import static io.gatehouse.it.Gatehouse.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Organisations are boundaries (issue 16 item 3): a stranger who signs up by one-time password
 * gets an organisation of its own; the emnify application-token API shows and revokes only the
 * caller's organisation's tokens, another member's only for an admin; the admin API is global.
 * And a token whose stored ip range cannot be read is refused, never unrestricted (item 7).
 */
class OrganisationsIT extends AgainstServer {

    private static final String PASSWORD = "boundary-Passw0rd-42";
    private static OtpInbox inbox;

    @BeforeAll
    static void openInbox() {
        inbox = new OtpInbox();
    }

    @AfterAll
    static void closeInbox() {
        inbox.close();
    }

    private long adminPartnerId;

    @BeforeEach
    void adminsOrganisation() {
        adminPartnerId = partnerId(gatehouse.asAdmin(http.get("/api/1/users/me")).send());
    }

    // --- the steps an attacker or a member takes ---

    private static long partnerId(Reply me) {
        return me.data().getJsonNumber("partnerid").longValue();
    }

    private String authToken(String email) {
        Reply reply = http.post("/api/v1/authenticate").json(Json.createObjectBuilder()
                .add("username", email).add("password", PASSWORD).build().toString()).send();
        assertEquals(200, reply.status(), reply::toString);
        return reply.object().getString("auth_token");
    }

    /** A new application token of that caller, by its description: its value and its id. */
    private Map.Entry<String, Long> createToken(String bearer, String description) {
        Reply created = http.post("/api/v1/application_token").header("Authorization", "Bearer " + bearer)
                .json(Json.createObjectBuilder().add("description", description).build().toString()).send();
        assertEquals(200, created.status(), created::toString);
        JsonObject entry = list(bearer).getValuesAs(JsonObject.class).stream()
                .filter(t -> description.equals(t.getString("description", null))).findFirst().orElseThrow();
        return Map.entry(created.object().getString("application_token"), entry.getJsonNumber("id").longValue());
    }

    private JsonArray list(String bearer) {
        Reply reply = http.get("/api/v1/application_token").header("Authorization", "Bearer " + bearer).send();
        assertEquals(200, reply.status(), reply::toString);
        return reply.json().asJsonArray();
    }

    private static List<Long> ids(JsonArray list) {
        return list.getValuesAs(JsonObject.class).stream().map(t -> t.getJsonNumber("id").longValue()).toList();
    }

    private Reply revoke(Http.Request request, long id) {
        return request.json("{\"status\":{\"id\":1}}").send();
    }

    private Reply revokeAs(String bearer, long id) {
        return revoke(http.patch("/api/v1/application_token/" + id).header("Authorization", "Bearer " + bearer), id);
    }

    private Reply exchange(String applicationToken) {
        return http.post("/api/v1/authenticate").json(Json.createObjectBuilder()
                .add("application_token", applicationToken).build().toString()).send();
    }

    private static void assertEmnifyError(int status, String token, Reply reply) {
        assertEquals(status, reply.status(), reply::toString);
        assertEquals(status, reply.object().getInt("error_code"), reply::toString);
        assertEquals(token, reply.object().getString("error_token"), reply::toString);
    }

    private long member(String email) {
        return gatehouse.createUser(email, PASSWORD, "Member " + email);
    }

    private Reply setSettings(String json) {
        Reply reply = gatehouse.setSettings(json);
        assertEquals(200, reply.status(), reply::toString);
        return reply;
    }

    /** A client_credentials token of a new OAuth client, for /otp/send; and that client, for the password grant. */
    private String[] client() {
        JsonObject client = gatehouse.asAdmin(http.post("/api/admin/clients"))
                .json("{\"name\":\"organisations\",\"grant_types\":[\"client_credentials\",\"password\"],"
                        + "\"scopes\":[\"application_tokens\"]}").send().data();
        String id = client.getString("client_id");
        String secret = client.getString("client_secret");
        Reply token = http.post("/oauth/v2/token").form(Map.of("grant_type", "client_credentials",
                "client_id", id, "client_secret", secret)).send();
        assertEquals(200, token.status(), token::toString);
        return new String[]{token.object().getString("access_token"), id, secret};
    }

    /** Signs a stranger up the way the OTP feature allows: asks for a code, logs in with it; the access token (scope application_tokens). */
    private String signUp(String[] client, String email) {
        Reply sent = http.post("/otp/send").header("Authorization", "Bearer " + client[0])
                .json(Json.createObjectBuilder().add("email", email).build().toString()).send();
        assertEquals(200, sent.status(), sent::toString);
        Reply grant = http.post("/oauth/v2/token").header("X-Forwarded-For", Gatehouse.uniqueAddress())
                .form(Map.of("grant_type", "password", "username", email, "password", inbox.mailedCode(email, 1),
                        "client_id", client[1], "client_secret", client[2], "scope", "application_tokens")).send();
        assertEquals(200, grant.status(), grant::toString);
        return grant.object().getString("access_token");
    }

    private long partnerIdOf(String bearer) {
        return partnerId(http.get("/api/1/users/me").header("Authorization", "Bearer " + bearer).send());
    }

    // --- the rules ---

    @Test
    void aStrangerWhoSignsUpByOneTimePasswordGetsAnOrganisationOfItsOwnAndSeesNothingOfTheAdmins() {
        String insider = uniqueEmail("insider");
        member(insider);
        Map.Entry<String, Long> insidersToken = createToken(authToken(insider), "integration of " + insider);
        String[] client = client();
        setSettings("{\"otp.enabled\": true, \"otp.allowNewUsers\": true}");
        try {
            String stranger = signUp(client, uniqueEmail("stranger"));
            String another = signUp(client, uniqueEmail("stranger"));

            long strangersOrganisation = partnerIdOf(stranger);
            assertNotEquals(adminPartnerId, strangersOrganisation, "landed in the admin's organisation");
            assertNotEquals(strangersOrganisation, partnerIdOf(another), "two strangers share an organisation");

            Reply listed = http.get("/api/v1/application_token").header("Authorization", "Bearer " + stranger).send();
            assertEquals(200, listed.status(), listed::toString);
            assertEquals(List.of(), ids(listed.json().asJsonArray()), "another organisation's tokens");
            assertFalse(listed.body().contains(insider) || listed.body().contains(ADMIN_EMAIL), listed::toString);

            // Another organisation's token is answered exactly like one that does not exist.
            long missing = insidersToken.getValue() + 1_000_000;
            Reply foreign = revokeAs(stranger, insidersToken.getValue());
            Reply absent = revokeAs(stranger, missing);
            assertEmnifyError(404, "NotFound", foreign);
            assertEmnifyError(404, "NotFound", absent);
            assertEquals(absent.object().getString("message").replace(String.valueOf(missing), "ID"),
                    foreign.object().getString("message").replace(String.valueOf(insidersToken.getValue()), "ID"));
            assertEquals(200, exchange(insidersToken.getKey()).status(), "the insider's token still works");
        } finally {
            setSettings("{\"otp.enabled\": false, \"otp.allowNewUsers\": false}");
        }
    }

    @Test
    void aMemberCannotRevokeAnotherMembersTokenButTheOrganisationsAdminCan() {
        String alice = uniqueEmail("alice");
        String bob = uniqueEmail("bob");
        member(alice);
        member(bob);
        String aliceBearer = authToken(alice);
        String bobBearer = authToken(bob);
        Map.Entry<String, Long> bobs = createToken(bobBearer, "bob's " + bob);
        Map.Entry<String, Long> alices = createToken(aliceBearer, "alice's " + alice);

        // The organisation's list, as emnify documents it: Alice sees Bob's token and who made it.
        JsonObject seen = list(aliceBearer).getValuesAs(JsonObject.class).stream()
                .filter(t -> t.getJsonNumber("id").longValue() == bobs.getValue()).findFirst().orElseThrow();
        assertEquals(bob, seen.getJsonObject("creator").getString("username"));

        Reply refused = revokeAs(aliceBearer, bobs.getValue());
        assertEmnifyError(403, "Forbidden", refused);
        assertTrue(refused.object().getString("message").contains("admin"), refused::toString);
        assertEquals(200, exchange(bobs.getKey()).status(), "Bob's token stays active");
        JsonObject still = list(bobBearer).getValuesAs(JsonObject.class).stream()
                .filter(t -> t.getJsonNumber("id").longValue() == bobs.getValue()).findFirst().orElseThrow();
        assertEquals(0, still.getJsonObject("status").getInt("id"));

        assertEquals(204, revokeAs(aliceBearer, alices.getValue()).status(), "her own token");
        Reply byAdmin = revoke(gatehouse.asAdmin(http.patch("/api/v1/application_token/" + bobs.getValue())), bobs.getValue());
        assertEquals(204, byAdmin.status(), byAdmin::toString);
        assertEmnifyError(401, "Unauthorized", exchange(bobs.getKey()));
    }

    @Test
    void anAdminSeesAndRevokesOnlyItsOwnOrganisationsTokensWhileTheAdminApiIsGlobal() {
        String insider = uniqueEmail("insider");
        long insiderId = member(insider);
        Map.Entry<String, Long> insidersToken = createToken(authToken(insider), "insider's " + insider);
        String outsider = uniqueEmail("outsider");
        String[] client = client();
        setSettings("{\"otp.enabled\": true, \"otp.allowNewUsers\": true}");
        try {
            signUp(client, outsider);
            long outsiderId = gatehouse.asAdmin(http.get("/api/admin/users?email=" + Http.q(outsider))).send()
                    .object().getJsonArray("data").getJsonObject(0).getJsonNumber("userid").longValue();
            // The global admin makes the outsider the admin of its own organisation, with a password.
            assertEquals(200, gatehouse.patchUser(outsiderId,
                    "{\"role\":\"admin\",\"password\":\"" + PASSWORD + "\"}").status());
            String outsiderBearer = authToken(outsider);
            Map.Entry<String, Long> outsidersToken = createToken(outsiderBearer, "outsider's " + outsider);

            assertFalse(ids(list(outsiderBearer)).contains(insidersToken.getValue()), "an admin lists only its organisation's");
            assertEmnifyError(404, "NotFound", revokeAs(outsiderBearer, insidersToken.getValue()));
            assertEquals(200, exchange(insidersToken.getKey()).status());

            // The first organisation's admin: its own organisation's tokens, the insider's among them, none of the outsider's.
            Reply adminsList = gatehouse.asAdmin(http.get("/api/v1/application_token")).send();
            assertEquals(200, adminsList.status(), adminsList::toString);
            List<Long> adminSees = ids(adminsList.json().asJsonArray());
            assertTrue(adminSees.contains(insidersToken.getValue()), adminsList::toString);
            assertFalse(adminSees.contains(outsidersToken.getValue()), adminsList::toString);
            assertEmnifyError(404, "NotFound", revoke(gatehouse.asAdmin(
                    http.patch("/api/v1/application_token/" + outsidersToken.getValue())), outsidersToken.getValue()));
            assertEquals(200, exchange(outsidersToken.getKey()).status());

            // The admin API is global (README): any admin reads and changes users of every organisation.
            Reply across = http.get("/api/admin/users/" + insiderId).header("Authorization", "Bearer " + outsiderBearer).send();
            assertEquals(200, across.status(), across::toString);
            assertEquals(adminPartnerId, across.data().getJsonNumber("partnerid").longValue());

            // A token acts only in the organisation it was made in: its creator moved elsewhere, it no longer exchanges.
            assertEquals(200, gatehouse.patchUser(insiderId, "{\"partnerid\":" + partnerIdOf(outsiderBearer) + "}").status());
            assertEmnifyError(401, "Unauthorized", exchange(insidersToken.getKey()));
        } finally {
            setSettings("{\"otp.enabled\": false, \"otp.allowNewUsers\": false}");
        }
    }

    @Test
    void newUsersJoinTheOrganisationASettingNamesWhichMustExist() {
        String[] client = client();
        setSettings("{\"otp.enabled\": true, \"otp.allowNewUsers\": true}");
        try {
            assertEquals(0, gatehouse.asAdmin(http.get("/api/admin/settings")).send().data().getInt("otp.newUserPartnerId"));
            long founders = partnerIdOf(signUp(client, uniqueEmail("founder")));

            Reply nowhere = gatehouse.setSettings("{\"otp.newUserPartnerId\": 2147483000}");
            assertEquals(400, nowhere.status(), nowhere::toString);
            assertTrue(nowhere.error().startsWith("otp.newUserPartnerId "), nowhere::toString);
            assertEquals(0, gatehouse.asAdmin(http.get("/api/admin/settings")).send().data().getInt("otp.newUserPartnerId"));

            setSettings("{\"otp.newUserPartnerId\": " + founders + "}");
            assertEquals(founders, partnerIdOf(signUp(client, uniqueEmail("colleague"))));
        } finally {
            setSettings("{\"otp.enabled\": false, \"otp.allowNewUsers\": false, \"otp.newUserPartnerId\": 0}");
        }
    }

    @Test
    void anApplicationTokenWhoseStoredRangeCannotBeReadIsRefusedNotUnrestricted() throws Exception {
        String dbUrl = System.getProperty("it.dbUrl", "");
        assumeTrue(!dbUrl.isBlank(), "runs with -Ppostgres or -Pmariadb, where the test can write the database");
        String email = uniqueEmail("damaged-range");
        long userId = member(email);
        String bearer = authToken(email);
        Map.Entry<String, Long> token = createToken(bearer, "damaged range of " + email);
        assertEquals(200, exchange(token.getKey()).status());

        // A hand-edited row: a list of ranges where one range belongs. Read as "no range", it would admit anyone.
        String damaged = "127.0.0.1/32;10.0.0.0/8";
        try (Connection db = DriverManager.getConnection(dbUrl, System.getProperty("it.dbUser"), "");
             PreparedStatement update = db.prepareStatement("update gh_application_token set ip_range = ? where id = ?")) {
            update.setString(1, damaged);
            update.setLong(2, token.getValue());
            assertEquals(1, update.executeUpdate());
        }

        assertEmnifyError(401, "Unauthorized", exchange(token.getKey()));
        JsonObject listed = list(bearer).getValuesAs(JsonObject.class).stream()
                .filter(t -> t.getJsonNumber("id").longValue() == token.getValue()).findFirst().orElseThrow();
        assertEquals(damaged, listed.getString("ip"), "listed as stored, no 500");

        String query = "/api/admin/audit?userid=" + userId + "&scheme=application_token_exchange&outcome=failure";
        List<String> reasons = List.of();
        for (long deadline = System.nanoTime() + 10_000_000_000L; reasons.isEmpty() && System.nanoTime() < deadline; ) {
            Thread.sleep(200);
            reasons = gatehouse.asAdmin(http.get(query)).send().object().getJsonArray("data")
                    .getValuesAs(JsonObject.class).stream().map(e -> e.getString("reason")).toList();
        }
        assertEquals(List.of("unreadable_ip_range"), reasons);
    }
}
