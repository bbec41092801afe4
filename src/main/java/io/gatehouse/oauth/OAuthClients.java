package io.gatehouse.oauth;

import io.gatehouse.crypto.Digests;
import io.gatehouse.crypto.RandomTokens;
import io.gatehouse.web.ApiException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Default;
import io.gatehouse.cluster.FeedFreshness.FeedResumed;
import io.gatehouse.cluster.Replayed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** OAuth clients: registered by an admin, held in memory, authenticated by secret. */
@ApplicationScoped
public class OAuthClients {

    public static final Set<String> GRANT_TYPES = Set.of("client_credentials", "password", "refresh_token");
    private static final Pattern SCOPE = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]{1,100}");

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @Inject
    Event<Changed> changed;

    private final Map<String, RegisteredClient> registered = new ConcurrentHashMap<>();
    /** Ids looked up and not found, so that asking again costs no query; bounded. */
    private final Set<String> absent = ConcurrentHashMap.newKeySet();
    private static final int MAX_ABSENT = 10_000;
    private static final int MAX_ID_LENGTH = 64;

    /**
     * Fired when a client is created, changed ({@code client} its new state) or deleted
     * ({@code client} null). It carries the state because its observer runs after the commit,
     * when the transaction can no longer reach the database (WildFly refuses to enlist a
     * connection in a completed transaction).
     */
    public record Changed(String clientId, RegisteredClient client) {
    }

    /** A new client or secret: the secret is in clear here only. */
    public record Issued(OAuthClient client, String secret) {
    }

    @PostConstruct
    void load() {
        em.createQuery("select c from OAuthClient c", OAuthClient.class).getResultList()
                .forEach(c -> registered.put(c.getClientId(), RegisteredClient.of(c)));
    }

    /** This node missed changes for a while (docs/cluster.md): read every client again. */
    synchronized void startOver(@Observes FeedResumed resumed) {
        Map<String, RegisteredClient> fresh = new HashMap<>();
        em.createQuery("select c from OAuthClient c", OAuthClient.class).getResultList()
                .forEach(c -> fresh.put(c.getClientId(), RegisteredClient.of(c)));
        registered.keySet().retainAll(fresh.keySet());
        registered.putAll(fresh);
        absent.clear();
    }

    @Transactional
    public Issued create(String name, Set<String> grantTypes, Set<String> scopes) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw ApiException.badRequest("name is required (at most 200 characters)");
        }
        if (grantTypes.isEmpty() || !GRANT_TYPES.containsAll(grantTypes)) {
            throw ApiException.badRequest("grant_types must be a non-empty list of " + GRANT_TYPES);
        }
        for (String scope : scopes) {
            if (!SCOPE.matcher(scope).matches()) {
                throw ApiException.badRequest("scopes must be RFC 6749 scope tokens");
            }
        }
        String secret = newSecret();
        OAuthClient client = new OAuthClient("gh-" + RandomTokens.apiKey().substring(0, 20), name.strip(),
                Digests.sha256Hex(secret), grantTypes, scopes);
        em.persist(client);
        em.flush();
        changed.fire(new Changed(client.getClientId(), RegisteredClient.of(client)));
        return new Issued(client, secret);
    }

    public List<OAuthClient> list() {
        return em.createQuery("select c from OAuthClient c order by c.createdAt", OAuthClient.class).getResultList();
    }

    @Transactional
    public Issued rotateSecret(String clientId) {
        OAuthClient client = require(clientId);
        String secret = newSecret();
        client.setSecretHash(Digests.sha256Hex(secret));
        em.flush();
        changed.fire(new Changed(clientId, RegisteredClient.of(client)));
        return new Issued(client, secret);
    }

    @Transactional
    public void delete(String clientId) {
        em.remove(require(clientId));
        em.flush();
        changed.fire(new Changed(clientId, null));
    }

    /** The client, when the secret is its secret (compared in constant time). */
    public Optional<RegisteredClient> authenticate(String clientId, String secret) {
        RegisteredClient client = find(clientId).orElse(null);
        byte[] presented = Digests.sha256Hex(secret == null ? "" : secret).getBytes(StandardCharsets.US_ASCII);
        byte[] expected = (client == null ? "-" : client.secretHash()).getBytes(StandardCharsets.US_ASCII);
        return client != null && MessageDigest.isEqual(presented, expected) ? Optional.of(client) : Optional.empty();
    }

    /** A registered client, e.g. to check that a token's client still exists. */
    public Optional<RegisteredClient> find(String clientId) {
        if (clientId == null || clientId.length() > MAX_ID_LENGTH) {
            return Optional.empty();  // never ours ("gh-" and 20 characters): no query, nothing kept
        }
        RegisteredClient client = registered.get(clientId);
        return Optional.ofNullable(client != null || absent.contains(clientId) ? client : readRow(clientId));
    }

    /**
     * A client this node has not heard of: made on another node moments ago (its token or secret
     * can arrive here before the change feed does), or no client at all, remembered as such.
     */
    private synchronized RegisteredClient readRow(String clientId) {
        RegisteredClient known = registered.get(clientId);
        if (known != null) {
            return known;
        }
        OAuthClient row = em.find(OAuthClient.class, clientId);
        if (row == null) {
            if (absent.size() >= MAX_ABSENT) {
                absent.clear();
            }
            absent.add(clientId);
            return null;
        }
        RegisteredClient client = RegisteredClient.of(row);
        registered.put(clientId, client);
        return client;
    }

    synchronized void refresh(@Observes(during = TransactionPhase.AFTER_SUCCESS) @Default Changed change) {
        absent.remove(change.clientId());
        if (change.client() == null) {
            registered.remove(change.clientId());
        } else {
            registered.put(change.clientId(), change.client());
        }
    }

    /**
     * Another node's change: read the client's row, so that changes arriving out of order still end
     * current. Synchronized with {@link #refresh}: a read from before a local change cannot land after it.
     */
    synchronized void reload(@Observes @Replayed Changed change) {
        absent.remove(change.clientId());
        OAuthClient client = em.find(OAuthClient.class, change.clientId());
        if (client == null) {
            registered.remove(change.clientId());
        } else {
            registered.put(change.clientId(), RegisteredClient.of(client));
        }
    }

    private OAuthClient require(String clientId) {
        OAuthClient client = em.find(OAuthClient.class, clientId);
        if (client == null) {
            throw ApiException.notFound("No client " + clientId);
        }
        return client;
    }

    private static String newSecret() {
        return RandomTokens.apiKey() + RandomTokens.apiKey();
    }
}
