package io.gatehouse.it.cluster;

import io.gatehouse.it.Gatehouse;
import io.gatehouse.it.Http;
import io.gatehouse.it.Reply;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static io.gatehouse.it.Gatehouse.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cluster of ClusterIT under faults: a node killed under load, and its database stopped for
 * ten seconds (the tests' own PostgreSQL, started by the cluster profile, never the machine's).
 */
class ClusterFaultsIT {

    private static final String PASSWORD = "faults-passw0rd-1";
    /** How long any answer may take while the database is away. */
    private static final long ANSWER_MILLIS = 5_000;
    /** The staleness bound of docs/cluster.md (FeedFreshness.BOUND) plus a read interval and slack. */
    private static final long STALE_AFTER_MILLIS = 6_500;

    private static List<Http> nodes;
    private static Http balancer;
    private static Path clusterDir;

    @BeforeAll
    static void connect() {
        nodes = ClusterUnderTest.nodes();
        balancer = ClusterUnderTest.balancer();
        clusterDir = Path.of(System.getProperty("it.cluster.dir"));
    }

    @Test
    void aNodeKilledUnderLoadLosesOnlyItsRequestsInFlightAndServesAgainAfterARestart() throws Exception {
        String email = uniqueEmail("faults");
        new Gatehouse(nodes.get(0)).createUser(email, PASSWORD, "Faults User");
        String session = new Gatehouse(nodes.get(0)).sessionKey(email, PASSWORD);
        // What is measured is the kill: first every node serves and is in the balancer's rotation
        // (another test may have just restarted the database).
        awaitWithin(30_000, "the cluster serves, every node in the balancer's rotation", () -> {
            Set<String> answering = new HashSet<>();
            for (int i = 0; i < 30; i++) {
                Reply reply = balancer.get("/api/1/users/me?sesskey=" + session).send();
                if (reply.status() != 200) {
                    return false;
                }
                answering.add(reply.header("X-Served-By").orElse(""));
            }
            return answering.size() == nodes.size();
        });

        record Outcome(long at, int status, String said) {
        }
        ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(12);
        int threads = 8;
        ExecutorService load = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            boolean basic = t % 2 == 0;
            load.submit(() -> {
                for (int i = 0; i < 5_000 && System.nanoTime() < end; i++) {
                    Http.Request request = basic ? balancer.get("/api/1/users/me").basicAuth(email, PASSWORD)
                            : balancer.get("/api/1/users/me?sesskey=" + session);
                    Outcome outcome;
                    try {
                        Reply reply = request.send();
                        // What a failed answer said (whose 503: the balancer's or a node's) is kept for the report.
                        outcome = new Outcome(System.nanoTime() - start, reply.status(), reply.status() == 200 ? ""
                                : reply.header("X-Served-By").orElse("HAProxy") + " " + reply.body().strip());
                    } catch (UncheckedIOException e) {
                        outcome = new Outcome(System.nanoTime() - start, -1, e.getMessage());  // the connection broke
                    }
                    outcomes.add(outcome);
                }
            });
        }
        Thread.sleep(4_000);
        long killedAt = System.nanoTime() - start;
        long pid = Long.parseLong(Files.readString(clusterDir.resolve("node2.pid")).trim());
        new ProcessBuilder("kill", "-9", Long.toString(pid)).inheritIO().start().waitFor();
        load.shutdown();
        assertTrue(load.awaitTermination(60, TimeUnit.SECONDS));

        List<Outcome> failed = outcomes.stream().filter(o -> o.status() != 200).toList();
        long served = outcomes.size() - failed.size();
        assertTrue(served > 100, "the load ran: " + served + " answers");
        // At most one request in flight per client thread was on the killed node.
        assertTrue(failed.size() <= threads, failed.size() + " failed of " + outcomes.size() + ": " + failed);
        for (Outcome o : failed) {
            assertTrue(o.at() >= killedAt, "a request failed before the kill: " + o);
        }

        // Nothing lost: the session and the password work on the nodes left, and on the restarted one.
        for (int n : new int[]{0, 2}) {
            assertEquals(200, nodes.get(n).get("/api/1/users/me?sesskey=" + session).send().status());
        }
        Process restart = new ProcessBuilder("server-config/cluster/cluster.sh", "node", "2")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.INHERIT)
                .start();
        assertTrue(restart.waitFor(180, TimeUnit.SECONDS), "node2 restarts");
        assertEquals(0, restart.exitValue(), "node2 restarts");
        assertEquals(200, nodes.get(1).get("/api/1/users/me?sesskey=" + session).send().status());
        assertEquals(200, nodes.get(1).get("/api/1/users/me").basicAuth(email, PASSWORD).send().status());
    }

    @Test
    void withTheDatabaseAwayEveryRequestGetsA503InItsDialectAndServiceComesBackByItself() throws Exception {
        Gatehouse admin = new Gatehouse(nodes.get(0));
        String email = uniqueEmail("outage");
        admin.createUser(email, PASSWORD, "Outage User");
        String session = admin.sessionKey(email, PASSWORD);
        JsonObject client = admin.asAdmin(nodes.get(0).post("/api/admin/clients"))
                .json("{\"name\":\"outage\",\"grant_types\":[\"password\",\"client_credentials\"]}").send().data();
        Map<String, String> grant = Map.of("grant_type", "password", "username", email, "password", PASSWORD);
        String during = uniqueEmail("during-outage");
        for (Http node : nodes) {  // every node has the session in its cache and knows the client
            assertEquals(200, node.get("/api/1/users/me?sesskey=" + session).send().status());
            awaitWithin(1_000, "the new client is known on " + node.url("/"), () -> node.post("/oauth/v2/token")
                    .basicAuth(client.getString("client_id"), client.getString("client_secret")).form(grant).send().status() == 200);
        }

        database("stop");
        long stopped = System.nanoTime();
        try {
            int rounds = 0;
            while (elapsedMillis(stopped) < 10_000 && rounds++ < 10_000) {  // the clock ends it; the count only bounds it
                Http node = nodes.get(rounds % nodes.size());
                // Each needs the database: a 503 in its dialect, never a 500, never a hang.
                JsonObject konekt = unavailable(() -> new Gatehouse(node).login(email, PASSWORD));
                assertEquals(false, konekt.getBoolean("success"));
                JsonObject emnify = unavailable(() -> node.post("/api/v1/authenticate")
                        .json("{\"username\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}").send());
                assertEquals(503, emnify.getInt("error_code"));
                assertEquals("ServiceUnavailable", emnify.getString("error_token"));
                JsonObject oauth = unavailable(() -> node.post("/oauth/v2/token")
                        .basicAuth(client.getString("client_id"), client.getString("client_secret")).form(grant).send());
                assertEquals("temporarily_unavailable", oauth.getString("error"));
                unavailable(() -> admin.asAdmin(node.post("/api/admin/users"))
                        .json("{\"email\":\"" + during + "\",\"password\":\"" + PASSWORD + "\",\"name\":\"x\"}").send());
                if (elapsedMillis(stopped) > STALE_AFTER_MILLIS) {
                    // Past the bound, not even a cached session is trusted: the node may have missed its end.
                    unavailable(() -> node.get("/api/1/users/me?sesskey=" + session).send());
                }
            }
            assertTrue(elapsedMillis(stopped) > STALE_AFTER_MILLIS, "the outage lasted past the staleness bound");
        } finally {
            database("start-again");
        }

        // Back by itself: each node signs in, grants a token and knows the session made before the outage.
        long restarted = System.nanoTime();
        for (Http node : nodes) {
            awaitWithin(30_000, "node " + node.url("/") + " serves again", () ->
                    node.get("/api/1/users/me?sesskey=" + session).send().status() == 200
                            && new Gatehouse(node).login(email, PASSWORD).status() == 200
                            && node.post("/oauth/v2/token").basicAuth(client.getString("client_id"),
                            client.getString("client_secret")).form(grant).send().status() == 200);
        }
        long recovery = elapsedMillis(restarted);
        // Back for good: a burst that takes many pooled connections at once (each opened before the
        // restart) is served in full, not one request failing on each dead connection it meets.
        ExecutorService burst = Executors.newFixedThreadPool(12);
        try {
            List<Future<Reply>> logins = new ArrayList<>();
            for (int i = 0; i < 36; i++) {
                Http node = nodes.get(i % nodes.size());
                logins.add(burst.submit(() -> new Gatehouse(node).login(email, PASSWORD)));
            }
            for (var login : logins) {
                Reply reply = login.get(60, TimeUnit.SECONDS);
                assertEquals(200, reply.status(), reply::toString);
            }
        } finally {
            burst.shutdownNow();
        }
        // Nothing half-written: the user refused during the outage does not exist.
        Reply found = admin.asAdmin(nodes.get(1).get("/api/admin/users?email=" + Http.q(during))).send();
        assertTrue(found.status() == 404 || !found.body().contains(during), found::toString);
        System.out.println("Service came back " + recovery + " ms after the database did");
    }

    /** Sends, and expects a prompt 503 with a JSON body (returned) and a Retry-After. */
    private static JsonObject unavailable(Supplier<Reply> send) {
        long start = System.nanoTime();
        Reply reply = send.get();
        long took = elapsedMillis(start);
        assertEquals(503, reply.status(), reply::toString);
        assertTrue(took < ANSWER_MILLIS, "answered in " + took + " ms: " + reply);
        assertTrue(reply.header("Retry-After").isPresent(), reply::toString);
        return reply.object();
    }

    private static void database(String action) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(System.getProperty("it.cluster.pg").split(" ")));
        command.add(1, action);
        Process process = new ProcessBuilder(command).inheritIO().start();
        assertTrue(process.waitFor(90, TimeUnit.SECONDS), "pg_ctl " + action);
        assertEquals(0, process.exitValue(), "pg_ctl " + action);
    }

    private static void awaitWithin(long millis, String what, Supplier<Boolean> condition) throws InterruptedException {
        long start = System.nanoTime();
        while (elapsedMillis(start) < millis) {
            try {
                if (condition.get()) {
                    return;
                }
            } catch (UncheckedIOException retry) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError(what + " within " + millis + " ms");
    }

    private static long elapsedMillis(long since) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - since);
    }
}
