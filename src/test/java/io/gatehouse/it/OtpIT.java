package io.gatehouse.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import static io.gatehouse.it.Gatehouse.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code POST /otp/send} as an OAuth client uses it: codes arrive by real SMTP and at a stand-in
 * SMS gateway, and work once as the password of the OAuth password grant. The tests that need a
 * client token skip themselves while the build has no {@code /api/admin/clients} (the OAuth work).
 */
class OtpIT extends AgainstServer {

    private static final String PASSWORD = "correct-horse-42";
    private static final String DISABLED = "One-time passwords are turned off in the security settings";
    private static OtpInbox inbox;

    @BeforeAll
    static void openInbox() {
        inbox = new OtpInbox();
    }

    @AfterAll
    static void closeInbox() {
        inbox.close();
    }

    // --- the OAuth contract (SPEC §6, §7) ---

    /** A new client's client_credentials access token. */
    private String clientToken() {
        Reply created = gatehouse.asAdmin(http.post("/api/admin/clients"))
                .json("{\"name\":\"otp-test\",\"grant_types\":[\"client_credentials\",\"password\",\"refresh_token\"]}").send();
        assertEquals(201, created.status(), created::toString);
        JsonObject client = created.data();
        clientId = client.getString("client_id");
        clientSecret = client.getString("client_secret");
        Reply token = http.post("/oauth/v2/token").form(Map.of("grant_type", "client_credentials",
                "client_id", clientId, "client_secret", clientSecret)).send();
        assertEquals(200, token.status(), token::toString);
        return token.object().getString("access_token");
    }

    private String clientId;
    private String clientSecret;

    /** The password grant with a one-time password: the user's access token, or the refusal. */
    private Reply passwordGrant(String username, String code) {
        return http.post("/oauth/v2/token").form(Map.of("grant_type", "password", "username", username,
                "password", code, "client_id", clientId, "client_secret", clientSecret)).send();
    }

    private long userIdOf(Reply grant) {
        assertEquals(200, grant.status(), grant::toString);
        Reply me = http.get("/api/1/users/me").header("Authorization", "Bearer " + grant.object().getString("access_token")).send();
        return me.data().getJsonNumber("userid").longValue();
    }

    private Reply send(String token, String field, String address) {
        return http.post("/otp/send").header("Authorization", "Bearer " + token)
                .json(Json.createObjectBuilder().add(field, address).build().toString()).send();
    }

    private Reply setSettings(String json) {
        Reply reply = gatehouse.setSettings(json);
        assertEquals(200, reply.status(), reply::toString);
        return reply;
    }

    private static void assertOAuthError(Reply reply, int status, String error) {
        assertEquals(status, reply.status(), reply::toString);
        assertEquals(error, reply.object().getString("error"), reply::toString);
        assertTrue(reply.object().containsKey("error_description"), reply::toString);
        assertFalse(reply.body().contains("Exception") || reply.body().contains("\tat "), reply::toString);
    }

    private static String uniquePhone() {
        return "+4917" + ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L);
    }

    private List<String> allAddressesKnownToAdmin(String email) {
        Reply found = gatehouse.asAdmin(http.get("/api/admin/users?email=" + Http.q(email))).send();
        return found.object().getJsonArray("data").getValuesAs(JsonObject.class).stream().map(u -> u.getString("email")).toList();
    }

    // --- runs in every build ---

    @Test
    void withoutAClientTheAnswerIs401AndForAUser403InTheOAuthDialect() {
        String body = "{\"email\":\"someone@example.com\"}";
        Reply anonymous = http.post("/otp/send").json(body).send();
        assertOAuthError(anonymous, 401, "invalid_token");

        Reply user = gatehouse.asAdmin(http.post("/otp/send")).json(body).send();
        assertOAuthError(user, 403, "access_denied");

        Reply badToken = http.post("/otp/send").header("Authorization", "Bearer not-a-token").json(body).send();
        assertOAuthError(badToken, 401, "invalid_token");
    }

    // --- needs the OAuth token endpoint ---

    @Test
    void offUnlessTurnedOn() {
        String token = clientToken();
        Reply off = send(token, "email", uniqueEmail("off"));
        assertOAuthError(off, 403, "access_denied");
        assertEquals(DISABLED, off.object().getString("error_description"));
    }

    @Test
    void aMailedCodeLogsTheUserInOnce() {
        String token = clientToken();
        String email = uniqueEmail("otp-mail");
        long userId = gatehouse.createUser(email, PASSWORD, "Mail User");
        setSettings("{\"otp.enabled\": true}");
        try {
            Reply sent = send(token, "email", email.toUpperCase());
            assertEquals(200, sent.status(), sent::toString);
            assertEquals(Json.createObjectBuilder().add("data", Json.createObjectBuilder().add("email", email))
                    .add("meta", Json.createArrayBuilder()).build(), sent.object());

            String code = inbox.mailedCode(email, 1);
            assertEquals(userId, userIdOf(passwordGrant(email, code)));
            assertOAuthError(passwordGrant(email, code), 400, "invalid_grant");
            assertFalse(Pattern.compile("(?<![0-9])" + code + "(?![0-9])").matcher(ServerLog.text()).find(),
                    "the code is in the server's log");
        } finally {
            setSettings("{\"otp.enabled\": false}");
        }
    }

    @Test
    void aTextedCodeLogsTheUserInByPhone() {
        String token = clientToken();
        String phone = uniquePhone();
        long userId = gatehouse.createUser(uniqueEmail("otp-sms"), PASSWORD, "Phone User");
        assertEquals(200, gatehouse.patchUser(userId, "{\"phone\":\"" + phone + "\"}").status());
        setSettings("{\"otp.enabled\": true}");
        try {
            Reply sent = send(token, "phone", phone);
            assertEquals(200, sent.status(), sent::toString);
            assertEquals(phone, sent.object().getJsonObject("data").getString("phone"));

            String code = inbox.textedCode(phone, 1);
            OtpInbox.Sms sms = inbox.textsTo(phone).get(0);
            assertEquals(OtpInbox.SMS_AUTHORIZATION, sms.authorization());
            assertEquals("Your Gatehouse code is " + code + ". It expires in 10 minutes.", sms.body().getString("message"));
            assertEquals(userId, userIdOf(passwordGrant(phone, code)));
        } finally {
            setSettings("{\"otp.enabled\": false}");
        }
    }

    @Test
    void aNewCodeReplacesTheOldOne() {
        String token = clientToken();
        String email = uniqueEmail("otp-again");
        gatehouse.createUser(email, PASSWORD, "Again");
        setSettings("{\"otp.enabled\": true}");
        try {
            assertEquals(200, send(token, "email", email).status());
            String first = inbox.mailedCode(email, 1);
            assertEquals(200, send(token, "email", email).status());
            String second = inbox.mailedCode(email, 2);
            if (!first.equals(second)) {
                assertOAuthError(passwordGrant(email, first), 400, "invalid_grant");
            }
            assertEquals(200, passwordGrant(email, second).status());
        } finally {
            setSettings("{\"otp.enabled\": false}");
        }
    }

    @Test
    void fiveWrongCodesEndIt() {
        String token = clientToken();
        String email = uniqueEmail("otp-guess");
        gatehouse.createUser(email, PASSWORD, "Guessed");
        setSettings("{\"otp.enabled\": true}");
        try {
            assertEquals(200, send(token, "email", email).status());
            String code = inbox.mailedCode(email, 1);
            String wrong = code.equals("000000") ? "000001" : "000000";
            for (int i = 0; i < 5; i++) {
                assertOAuthError(passwordGrant(email, wrong), 400, "invalid_grant");
            }
            assertOAuthError(passwordGrant(email, code), 400, "invalid_grant");
        } finally {
            setSettings("{\"otp.enabled\": false}");
        }
    }

    @Test
    void parallelRedeemsOfOneCodeLetExactlyOneIn() throws Exception {
        String token = clientToken();
        String email = uniqueEmail("otp-race");
        gatehouse.createUser(email, PASSWORD, "Racer");
        setSettings("{\"otp.enabled\": true}");
        try {
            assertEquals(200, send(token, "email", email).status());
            String code = inbox.mailedCode(email, 1);
            List<Integer> statuses = inParallel(8, () -> passwordGrant(email, code).status());
            assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses::toString);
        } finally {
            setSettings("{\"otp.enabled\": false}");
        }
    }

    @Test
    void anUnknownAddressGetsTheSameAnswerAndNothingElse() throws Exception {
        String token = clientToken();
        String email = uniqueEmail("otp-nobody");
        String phone = uniquePhone();
        setSettings("{\"otp.enabled\": true}");
        try {
            Reply sent = send(token, "email", email);
            assertEquals(200, sent.status(), sent::toString);
            assertEquals(email, sent.object().getJsonObject("data").getString("email"));
            assertEquals(200, send(token, "phone", phone).status());
            assertEquals(200, send(token, "phone", "02345678901234").status(), "the document's example");

            // A known address sent after them arrives: had anything gone out for the unknown ones, it would be there too.
            String known = uniqueEmail("otp-marker");
            gatehouse.createUser(known, PASSWORD, "Marker");
            send(token, "email", known);
            inbox.mailedCode(known, 1);
            Thread.sleep(500);
            assertEquals(List.of(), inbox.mailsTo(email));
            assertEquals(List.of(), inbox.textsTo(phone));
            assertEquals(List.of(), allAddressesKnownToAdmin(email), "no user was created");
        } finally {
            setSettings("{\"otp.enabled\": false}");
        }
    }

    @Test
    void withNewUsersAllowedAnUnknownAddressBecomesAUserWithoutAPassword() {
        String token = clientToken();
        String email = uniqueEmail("otp-new");
        String phone = uniquePhone();
        setSettings("{\"otp.enabled\": true, \"otp.allowNewUsers\": true}");
        try {
            assertEquals(200, send(token, "email", email).status());
            long byMail = userIdOf(passwordGrant(email, inbox.mailedCode(email, 1)));
            JsonObject user = gatehouse.asAdmin(http.get("/api/admin/users/" + byMail)).send().data();
            assertEquals(email, user.getString("email"));
            assertEquals("", user.getString("role"));
            assertEquals("active", user.getString("status"));
            assertEquals(401, gatehouse.login(email, PASSWORD).status(), "no password to log in with");

            assertEquals(200, send(token, "phone", phone).status());
            long byPhone = userIdOf(passwordGrant(phone, inbox.textedCode(phone, 1)));
            assertEquals(phone, gatehouse.asAdmin(http.get("/api/admin/users/" + byPhone)).send().data().getString("phone"));
        } finally {
            setSettings("{\"otp.enabled\": false, \"otp.allowNewUsers\": false}");
        }
    }

    @Test
    void knownAndUnknownAddressesTakeTheSameTime() {
        String token = clientToken();
        setSettings("{\"otp.enabled\": true}");
        try {
            int calls = 9;
            long[] known = new long[calls];
            long[] unknown = new long[calls];
            for (int round = 0; round < 2; round++) {  // the first round warms up
                List<String> users = new ArrayList<>();
                for (int i = 0; i < calls; i++) {
                    String email = uniqueEmail("otp-timed");
                    gatehouse.createUser(email, PASSWORD, "Timed");
                    users.add(email);
                }
                for (int i = 0; i < calls; i++) {
                    known[i] = timed(token, users.get(i));
                    unknown[i] = timed(token, uniqueEmail("otp-untimed"));
                }
            }
            long knownMedian = median(known);
            long unknownMedian = median(unknown);
            assertTrue(Math.abs(knownMedian - unknownMedian) <= Math.max(25, knownMedian / 4),
                    "median ms known " + knownMedian + ", unknown " + unknownMedian);
        } finally {
            setSettings("{\"otp.enabled\": false}");
        }
    }

    private long timed(String token, String email) {
        long start = System.nanoTime();
        Reply reply = send(token, "email", email);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(200, reply.status(), reply::toString);
        return millis;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    @Test
    void sendsAreThrottledPerAddressKnownOrNotAndPerClient() {
        String token = clientToken();
        setSettings("{\"otp.enabled\": true}");
        try {
            for (String email : List.of(uniqueEmail("otp-flood"), uniqueEmail("otp-flood-unknown"))) {
                for (int i = 0; i < 5; i++) {
                    assertEquals(200, send(token, "email", email).status());
                }
                assertOAuthError(send(token, "email", email), 429, "slow_down");
            }
            String phone = uniquePhone();
            for (int i = 0; i < 5; i++) {
                assertEquals(200, send(token, "phone", phone).status());
            }
            assertOAuthError(send(token, "phone", phone), 429, "slow_down");

            String other = clientToken();
            for (int i = 0; i < 100; i++) {
                assertEquals(200, send(other, "email", uniqueEmail("otp-many")).status());
            }
            Reply over = send(other, "email", uniqueEmail("otp-many"));
            assertOAuthError(over, 429, "slow_down");
            assertTrue(over.object().getString("error_description").contains("client"), over::toString);
        } finally {
            setSettings("{\"otp.enabled\": false}");
        }
    }

    @Test
    void badInputGetsAClear4xx() {
        String token = clientToken();
        setSettings("{\"otp.enabled\": true}");
        try {
            Map<String, String> bodies = Map.of(
                    "{", "Malformed JSON body",
                    "[]", "The request body must be a JSON object",
                    "{}", "Send either email or phone",
                    "{\"email\":\"a@example.com\",\"phone\":\"+491701234567\"}", "Send either email or phone",
                    "{\"email\":\"no-at-sign\"}", "email must be a valid e-mail address",
                    "{\"email\":7}", "email must be a string",
                    "{\"phone\":\"12345\"}", "phone must be 6 to 16 digits with an optional leading +, e.g. +491701234567");
            bodies.forEach((body, message) -> {
                Reply reply = http.post("/otp/send").header("Authorization", "Bearer " + token).json(body).send();
                assertOAuthError(reply, 400, "invalid_request");
                assertEquals(message, reply.object().getString("error_description"), body);
            });
            Reply form = http.post("/otp/send").header("Authorization", "Bearer " + token)
                    .form(Map.of("email", "a@example.com")).send();
            assertOAuthError(form, 415, "invalid_request");
        } finally {
            setSettings("{\"otp.enabled\": false}");
        }
    }

    // --- guessing codes counts as failed logins (issue 16 items 4 and 7) ---

    /** The password grant from a client address of the test's own (X-Forwarded-For, from the trusted proxy). */
    private Reply passwordGrantFrom(String address, String username, String code) {
        return http.post("/oauth/v2/token").header("X-Forwarded-For", address).form(Map.of("grant_type", "password",
                "username", username, "password", code, "client_id", clientId, "client_secret", clientSecret)).send();
    }

    /** A six-digit code that is not the right one. */
    private static String wrong(String code, int i) {
        return String.format("%06d", (Integer.parseInt(code) + 1 + i) % 1_000_000);
    }

    /** The audit log's events for the query, once at least that many were written (writes are batched). */
    private List<JsonObject> awaitAudit(String query, int atLeast) throws InterruptedException {
        List<JsonObject> events = List.of();
        for (long deadline = System.nanoTime() + 10_000_000_000L; System.nanoTime() < deadline; Thread.sleep(200)) {
            Reply reply = gatehouse.asAdmin(http.get("/api/admin/audit?" + query)).send();
            events = reply.object().getJsonArray("data").getValuesAs(JsonObject.class);
            if (events.size() >= atLeast) {
                return events;
            }
        }
        throw new AssertionError("expected " + atLeast + " events for " + query + ", found " + events);
    }

    @Test
    void guessingCodesLocksTheAccountAcrossResendsAndThenEvenTheRightCodeIsRefused() throws Exception {
        String token = clientToken();
        String email = uniqueEmail("otp-guesser");
        long userId = gatehouse.createUser(email, PASSWORD, "Guessed Across Resends");
        String attacker = Gatehouse.uniqueAddress();
        setSettings("{\"otp.enabled\": true, \"lockout.maxFailures\": 6}");
        try {
            // A code dies at its fifth wrong try and a resend brings a fresh one: the account's count goes on.
            assertEquals(200, send(token, "email", email).status());
            String first = inbox.mailedCode(email, 1);
            for (int i = 0; i < 4; i++) {
                assertOAuthError(passwordGrantFrom(attacker, email, wrong(first, i)), 400, "invalid_grant");
            }
            assertEquals(200, send(token, "email", email).status());
            String second = inbox.mailedCode(email, 2);
            Reply wrongAnswer = null;
            for (int i = 0; i < 2; i++) {
                wrongAnswer = passwordGrantFrom(attacker, email, wrong(second, i));
                assertOAuthError(wrongAnswer, 400, "invalid_grant");
            }

            // Six wrong codes in a row: the account waits, and a fresh code, right as it is, is refused like a wrong one.
            assertEquals(200, send(token, "email", email).status());
            String third = inbox.mailedCode(email, 3);
            Reply rightButLocked = passwordGrantFrom(Gatehouse.uniqueAddress(), email, third);
            assertOAuthError(rightButLocked, 400, "invalid_grant");
            assertEquals(wrongAnswer.body(), rightButLocked.body());

            // Refused before the code was looked at: once an admin lifts the lockout, the same code works.
            assertEquals(200, gatehouse.patchUser(userId, "{\"status\":\"active\"}").status());
            assertEquals(userId, userIdOf(passwordGrantFrom(Gatehouse.uniqueAddress(), email, third)));

            List<String> reasons = awaitAudit("userid=" + userId + "&scheme=oauth_one_time_password&outcome=failure", 7)
                    .stream().map(e -> e.getString("reason")).toList();
            assertEquals(6, reasons.stream().filter("bad_credentials"::equals).count(), reasons::toString);
            assertEquals(1, reasons.stream().filter("locked"::equals).count(), reasons::toString);
        } finally {
            setSettings("{\"otp.enabled\": false, \"lockout.maxFailures\": 10}");
        }
    }

    @Test
    void theRightCodeResetsTheCountAsASuccessfulLoginDoes() {
        String token = clientToken();
        String email = uniqueEmail("otp-forgetful");
        gatehouse.createUser(email, PASSWORD, "Mistypes Sometimes");
        String address = Gatehouse.uniqueAddress();
        setSettings("{\"otp.enabled\": true, \"lockout.maxFailures\": 5}");
        try {
            for (int round = 1; round <= 2; round++) {
                assertEquals(200, send(token, "email", email).status());
                String code = inbox.mailedCode(email, round);
                for (int i = 0; i < 4; i++) {
                    assertOAuthError(passwordGrantFrom(address, email, wrong(code, i)), 400, "invalid_grant");
                }
                Reply right = passwordGrantFrom(address, email, code);
                assertEquals(200, right.status(), "round " + round + ": four wrong codes since the last login, " + right);
            }
        } finally {
            setSettings("{\"otp.enabled\": false, \"lockout.maxFailures\": 10}");
        }
    }

    @Test
    void anAddressPastItsLimitGetsNoFurtherTryNotEvenWithTheRightCode() {
        String token = clientToken();
        String email = uniqueEmail("otp-target");
        long userId = gatehouse.createUser(email, PASSWORD, "Target");
        String attacker = Gatehouse.uniqueAddress();
        setSettings("{\"otp.enabled\": true, \"lockout.addressMaxFailures\": 3}");
        try {
            assertEquals(200, send(token, "email", email).status());
            String code = inbox.mailedCode(email, 1);
            assertOAuthError(passwordGrantFrom(attacker, email, wrong(code, 0)), 400, "invalid_grant");
            assertOAuthError(passwordGrantFrom(attacker, email, wrong(code, 1)), 400, "invalid_grant");
            assertOAuthError(passwordGrantFrom(attacker, uniqueEmail("otp-nobody"), code), 400, "invalid_grant");

            Reply blocked = passwordGrantFrom(attacker, email, code);
            assertOAuthError(blocked, 429, "invalid_grant");

            // Not tried, so not used up: the user, from elsewhere, still logs in with it.
            assertEquals(userId, userIdOf(passwordGrantFrom(Gatehouse.uniqueAddress(), email, code)));
        } finally {
            setSettings("{\"otp.enabled\": false, \"lockout.addressMaxFailures\": 100}");
        }
    }

    @Test
    void turningOneTimePasswordsOffStopsACodeSentBefore() {
        String token = clientToken();
        String email = uniqueEmail("otp-switched-off");
        long userId = gatehouse.createUser(email, PASSWORD, "Switched Off");
        String address = Gatehouse.uniqueAddress();
        setSettings("{\"otp.enabled\": true}");
        try {
            assertEquals(200, send(token, "email", email).status());
            String code = inbox.mailedCode(email, 1);
            setSettings("{\"otp.enabled\": false}");
            assertOAuthError(passwordGrantFrom(address, email, code), 400, "invalid_grant");

            setSettings("{\"otp.enabled\": true}");
            assertEquals(userId, userIdOf(passwordGrantFrom(address, email, code)), "on again, the live code works");
        } finally {
            setSettings("{\"otp.enabled\": false}");
        }
    }

    private static <T> List<T> inParallel(int n, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(task));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
