package io.gatehouse.it;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.gatehouse.it.Gatehouse.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Failed logins, counted per account and per address on every password path. The address
 * counter lives for an hour in the database: the address test counts under an address of its own
 * (X-Forwarded-For, from the proxy the suite's server trusts), and the others raise the limit.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LoginLockoutIT extends AgainstServer {

    private static final String PASSWORD = "correct-horse-42";
    private static final String REFUSED = "Invalid email or password";

    String email;
    long userId;

    @BeforeEach
    void user() {
        email = uniqueEmail("lockout");
        userId = gatehouse.createUser(email, PASSWORD, "Lockout User");
    }

    private Reply basic(String user, String password) {
        return http.get("/api/1/users/me").basicAuth(user, password).send();
    }

    @Test
    @Order(1)
    void failuresFromOneAddressAddUpAcrossSessionLoginAndBasic() {
        String address = Gatehouse.uniqueAddress();
        assertEquals(200, gatehouse.setSettings("{\"lockout.addressMaxFailures\": 4}").status());
        try {
            assertEquals(401, login(address, uniqueEmail("nobody"), "guess-1").status());
            assertEquals(401, login(address, email, "guess-2").status());
            assertEquals(200, login(address, email, PASSWORD).status(), "two failures: still allowed");
            assertEquals(401, basic(address, uniqueEmail("nobody"), "guess-3").status());
            assertEquals(401, basic(address, email, "guess-4").status());

            Reply session = login(address, email, PASSWORD);
            Reply basic = basic(address, email, PASSWORD);

            assertEquals(429, session.status(), session::toString);
            assertEquals("Too many failed logins from this address; try again later", session.error());
            assertEquals(429, basic.status(), basic::toString);
            assertEquals(200, login(Gatehouse.uniqueAddress(), email, PASSWORD).status(), "another address is not blocked");
        } finally {
            gatehouse.setSettings("{\"lockout.addressMaxFailures\": 100}");
        }
        assertEquals(200, login(address, email, PASSWORD).status(), "under the raised limit again");
    }

    /** An attacker with a /64 takes a new address of it for every guess: the /64 is counted as one client. */
    @Test
    @Order(1)
    void anIpv6ClientIsCountedByItsSlash64() {
        String address = Gatehouse.uniqueAddress();
        String network = address.substring(0, address.lastIndexOf("::") + 2);
        assertEquals(200, gatehouse.setSettings("{\"lockout.addressMaxFailures\": 4}").status());
        try {
            for (int i = 1; i <= 4; i++) {
                assertEquals(401, login(network + Integer.toHexString(i) + ":" + i, email, "guess-" + i).status());
            }

            Reply next = login(Gatehouse.sameNetwork(address), email, PASSWORD);

            assertEquals(429, next.status(), "a fifth address of the same /64: " + next);
            assertEquals(200, login(Gatehouse.uniqueAddress(), email, PASSWORD).status(), "another /64 is not blocked");
        } finally {
            gatehouse.setSettings("{\"lockout.addressMaxFailures\": 100}");
        }
    }

    private Reply login(String address, String email, String password) {
        return http.post("/api/1/auth/session").header("X-Forwarded-For", address)
                .json(jakarta.json.Json.createObjectBuilder().add("email", email).add("password", password).build().toString()).send();
    }

    private Reply basic(String address, String user, String password) {
        return http.get("/api/1/users/me").header("X-Forwarded-For", address).basicAuth(user, password).send();
    }

    @Test
    @Order(2)
    void oneCounterWhateverTheSpellingAndACorrectPasswordDuringTheLockIsRefusedLikeAWrongOne() {
        assertEquals(200, gatehouse.setSettings("{\"lockout.maxFailures\": 3}").status());
        try {
            assertEquals(401, gatehouse.login(email.toUpperCase(), "wrong-1").status());
            assertEquals(401, basic("  " + email + "  ", "wrong-2").status());
            Reply third = gatehouse.login(" " + email.substring(0, 1).toUpperCase() + email.substring(1), "wrong-3");
            assertEquals(401, third.status());

            Reply session = gatehouse.login(email, PASSWORD);
            Reply basic = basic(email, PASSWORD);

            assertEquals(401, session.status(), "locked: the right password is refused");
            assertEquals(REFUSED, session.error());
            assertEquals(third.body(), session.body(), "exactly the answer a wrong password gets");
            assertEquals(401, basic.status());
            assertEquals(REFUSED, basic.error());
        } finally {
            gatehouse.setSettings("{\"lockout.maxFailures\": 10}");
        }
        assertEquals(200, gatehouse.patchUser(userId, "{\"status\":\"active\"}").status(), "an admin unlocks");
        assertEquals(200, gatehouse.login(email, PASSWORD).status());
    }

    @Test
    @Order(3)
    void parallelGuessesAreCountedOneByOne() throws Exception {
        // Nine at once stay below the limit of ten: nothing is counted twice.
        assertTrue(inParallel(9, () -> gatehouse.login(email, "parallel-guess").status()).stream().allMatch(s -> s == 401));
        assertEquals(200, gatehouse.login(email, PASSWORD).status());

        // Ten at once reach it: no lost update lets the account slip past the lock.
        assertTrue(inParallel(10, () -> basic(email, "parallel-guess").status()).stream().allMatch(s -> s == 401));
        Reply afterwards = gatehouse.login(email, PASSWORD);
        assertEquals(401, afterwards.status(), afterwards::toString);
        assertEquals(REFUSED, afterwards.error());
    }

    @Test
    @Order(4)
    void unknownLockedAndDisabledAccountsGetTheWrongPasswordAnswerInTheSameTime() {
        assertEquals(200, gatehouse.setSettings("{\"lockout.maxFailures\": 1000, \"lockout.addressMaxFailures\": 1000}").status());
        try {
            String locked = uniqueEmail("locked");
            String disabled = uniqueEmail("disabled");
            gatehouse.patchUser(gatehouse.createUser(locked, PASSWORD, "L"), "{\"status\":\"locked\"}");
            gatehouse.patchUser(gatehouse.createUser(disabled, PASSWORD, "D"), "{\"status\":\"disabled\"}");
            Map<String, String[]> cases = new LinkedHashMap<>();
            cases.put("wrong password", new String[]{email, "not-it-1234"});
            cases.put("unknown account", new String[]{uniqueEmail("unknown"), PASSWORD});
            cases.put("locked account", new String[]{locked, PASSWORD});
            cases.put("disabled account", new String[]{disabled, PASSWORD});

            Map<String, Long> medians = new LinkedHashMap<>();
            String expectedBody = gatehouse.login(email, "not-it-1234").body();
            for (int round = 0; round < 2; round++) {  // the first round warms up
                // The cases take turns, sample by sample: a burst of other work on the machine then
                // slows every case alike instead of the one measured during it.
                Map<String, long[]> nanos = new LinkedHashMap<>();
                cases.keySet().forEach(name -> nanos.put(name, new long[9]));
                for (int i = 0; i < 9; i++) {
                    for (Map.Entry<String, String[]> c : cases.entrySet()) {
                        long start = System.nanoTime();
                        Reply reply = gatehouse.login(c.getValue()[0], c.getValue()[1]);
                        nanos.get(c.getKey())[i] = System.nanoTime() - start;
                        assertEquals(401, reply.status(), c.getKey());
                        assertEquals(expectedBody, reply.body(), c.getKey());
                    }
                }
                nanos.forEach((name, samples) -> {
                    Arrays.sort(samples);
                    medians.put(name, samples[samples.length / 2] / 1_000_000);
                });
            }
            long reference = medians.get("wrong password");
            for (Map.Entry<String, Long> median : medians.entrySet()) {
                long difference = Math.abs(median.getValue() - reference);
                assertTrue(difference <= Math.max(25, reference / 4),
                        "median times in ms " + medians + ": " + median.getKey() + " stands out");
            }
        } finally {
            gatehouse.setSettings("{\"lockout.maxFailures\": 10, \"lockout.addressMaxFailures\": 100}");
        }
    }

    private static List<Integer> inParallel(int n, Callable<Integer> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(call));
            }
            List<Integer> results = new ArrayList<>();
            for (Future<Integer> f : futures) {
                results.add(f.get(120, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
