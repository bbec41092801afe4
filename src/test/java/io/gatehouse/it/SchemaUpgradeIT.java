package io.gatehouse.it;

import io.gatehouse.persistence.SchemaMigration;
import jakarta.json.JsonObject;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.util.Arrays;

import static io.gatehouse.it.Gatehouse.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A database at the first schema version, with a user, an API key, a session and a setting in it
 * ({@link VersionOneData}), then the current WAR started on it: the server migrates it at start,
 * and everything made before still works, beside everything made after. Runs on the container
 * {@code payara-micro-upgrade} (arquillian.xml), whose database is this test's alone.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SchemaUpgradeIT {

    private static VersionOneData.Seeded before;

    @Deployment(testable = false)
    @TargetsContainer("payara-micro-upgrade")
    static WebArchive deploy() throws Exception {
        before = VersionOneData.prepare();
        return Deployments.builtWar();
    }

    @ArquillianResource
    URL base;

    Http http;
    Gatehouse gatehouse;

    @BeforeEach
    void connect() {
        http = new Http(base);
        gatehouse = new Gatehouse(http);
    }

    private String email() {
        return before.userEmail();
    }

    @Test
    @Order(1)
    void usersLogInWithThePasswordsTheyHadAndKeepTheirData() {
        Reply login = gatehouse.login(email(), VersionOneData.USER_PASSWORD);
        assertEquals(before.userId(), login.data().getJsonNumber("userid").longValue());
        assertEquals(VersionOneData.USER_NAME, login.data().getString("name"));
        assertEquals(200, http.get("/api/1/users/me").basicAuth(email(), VersionOneData.USER_PASSWORD).send().status());

        JsonObject stored = gatehouse.asAdmin(http.get("/api/admin/users/" + before.userId())).send().data();
        assertEquals(before.created().toString(), stored.getString("created"));
        assertEquals("", stored.getString("role"));
        assertEquals("admin", gatehouse.asAdmin(http.get("/api/1/users/me")).send().data().getString("role"));
    }

    @Test
    @Order(2)
    void theApiKeyAuthenticatesAndIsShownAgain() {
        Reply me = http.get("/api/1/users/me?apikey=" + before.apiKey()).send();
        assertEquals(before.userId(), me.data().getJsonNumber("userid").longValue());
        assertEquals(200, http.get("/api/1/users/me").basicAuth("apikey", before.apiKey()).send().status());
        assertEquals(before.apiKey(), http.get("/api/1/users/me/apikey").basicAuth(email(), VersionOneData.USER_PASSWORD)
                .send().data().getString("apikey"), "still sealed under the same server key");
    }

    @Test
    @Order(3)
    void theSessionGoesOnAndTheSettingsHold() {
        Reply me = http.get("/api/1/users/me").cookie("sesskey=" + before.sessionKey()).send();
        assertEquals(before.userId(), me.data().getJsonNumber("userid").longValue());

        JsonObject settings = gatehouse.asAdmin(http.get("/api/admin/settings")).send().data();
        assertEquals(Long.parseLong(VersionOneData.IDLE_MINUTES), settings.getJsonNumber("session.idleMinutes").longValue());
    }

    @Test
    @Order(4)
    void credentialsIssuedAfterTheUpgradeWork() {
        String session = gatehouse.sessionKey(email(), VersionOneData.USER_PASSWORD);
        assertEquals(200, http.get("/api/1/users/me?sesskey=" + session).send().status());

        JsonObject emnify = http.post("/api/v1/authenticate")
                .json("{\"username\":\"" + email() + "\",\"password\":\"" + VersionOneData.USER_PASSWORD + "\"}").send().object();
        assertEquals(200, bearer(emnify.getString("auth_token")));
        String refreshed = http.post("/api/v1/authenticate")
                .json("{\"refresh_token\":\"" + emnify.getString("refresh_token") + "\"}").send().object().getString("auth_token");
        assertEquals(200, bearer(refreshed));
        String applicationToken = http.post("/api/v1/application_token").header("Authorization", "Bearer " + refreshed)
                .json("{\"expiry_date\":\"2045-01-01\"}").send().object().getString("application_token");
        String derived = http.post("/api/v1/authenticate")
                .json("{\"application_token\":\"" + applicationToken + "\"}").send().object().getString("auth_token");
        assertEquals(200, bearer(derived));

        JsonObject client = gatehouse.asAdmin(http.post("/api/admin/clients"))
                .json("{\"name\":\"after the upgrade\",\"grant_types\":[\"password\",\"refresh_token\"]}").send().data();
        String credentials = "\"client_id\":\"" + client.getString("client_id") + "\",\"client_secret\":\""
                + client.getString("client_secret") + "\",";
        JsonObject granted = http.post("/oauth/v2/token").json("{" + credentials + "\"grant_type\":\"password\",\"username\":\""
                + email() + "\",\"password\":\"" + VersionOneData.USER_PASSWORD + "\"}").send().object();
        assertEquals(200, bearer(granted.getString("access_token")));
        JsonObject rotated = http.post("/oauth/v2/token").json("{" + credentials + "\"grant_type\":\"refresh_token\","
                + "\"refresh_token\":\"" + granted.getString("refresh_token") + "\"}").send().object();
        assertEquals(200, bearer(rotated.getString("access_token")));
    }

    @Test
    @Order(5)
    void aNewUserFollowsTheOldOnes() {
        String email = uniqueEmail("after-upgrade");
        long id = gatehouse.createUser(email, "after-upgrade-1", "山田 \uD83D\uDE00");
        assertTrue(id > before.userId(), "ids go on from the old ones");
        assertEquals("山田 \uD83D\uDE00", gatehouse.login(email, "after-upgrade-1").data().getString("name"));
    }

    /** Where the test can open the database beside the server (not H2's file): Flyway's own account of it. */
    @Test
    @Order(6)
    void everyVersionIsAppliedAndNoneIsPending() throws Exception {
        assumeTrue(!System.getProperty("it.upgrade.dbUrl", "").isBlank(),
                "runs with -Ppostgres or -Pmariadb, where the test can read the database");
        MigrationInfoService info = SchemaMigration.configure(VersionOneData.dataSource()).load().info();

        assertEquals(0, info.pending().length, () -> Arrays.toString(info.pending()));
        MigrationInfo[] applied = info.applied();
        assertEquals("1", applied[0].getVersion().getVersion());
        assertTrue(Arrays.stream(applied).allMatch(m -> m.getState().isApplied() && !m.getState().isFailed()),
                () -> Arrays.toString(applied));
    }

    private int bearer(String token) {
        return http.get("/api/1/users/me").header("Authorization", "Bearer " + token).send().status();
    }
}
