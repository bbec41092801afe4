package io.gatehouse.apikey;

import io.gatehouse.account.AccountChanged;
import io.gatehouse.cluster.FeedFreshness.FeedResumed;
import io.gatehouse.crypto.Digests;
import io.gatehouse.crypto.RandomTokens;
import io.gatehouse.crypto.SecretBox;
import io.gatehouse.crypto.ServerSecret;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Each user's one API key: shown, regenerated, and checked against memory on every request. */
@ApplicationScoped
public class ApiKeyService {

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @Inject
    ServerSecret serverSecret;

    @Inject
    Event<ApiKeyReplaced> replaced;

    private SecretBox box;
    private byte[] lookupKey;
    /** Look-up hash to user id. */
    private final Map<String, Long> known = new ConcurrentHashMap<>();
    /** Bumped when a key is replaced: a look-up that raced with the change is not cached. */
    private final AtomicLong generation = new AtomicLong();

    @PostConstruct
    void keys() {
        box = new SecretBox(serverSecret.derive("apikey-encryption"));
        lookupKey = serverSecret.derive("apikey-lookup");
    }

    /** The user's key, made on first view. */
    @Transactional
    public String view(long userId) {
        ApiKey key = em.find(ApiKey.class, userId, LockModeType.PESSIMISTIC_WRITE);
        if (key == null) {
            return store(new ApiKey(userId), true);
        }
        return box.open(key.getEncryptedKey());
    }

    /** A new key; the old one stops working as this transaction commits. */
    @Transactional
    public String regenerate(long userId) {
        ApiKey key = em.find(ApiKey.class, userId, LockModeType.PESSIMISTIC_WRITE);
        if (key == null) {
            return store(new ApiKey(userId), true);
        }
        replaced.fire(new ApiKeyReplaced(key.getLookupHash()));
        return store(key, false);
    }

    public OptionalLong resolve(String apiKey) {
        String hash = Digests.hmacSha256Hex(lookupKey, apiKey);
        Long userId = known.get(hash);
        if (userId == null) {
            long before = generation.get();
            ApiKey stored = em.createQuery("select k from ApiKey k where k.lookupHash = :hash", ApiKey.class)
                    .setParameter("hash", hash).getResultStream().findFirst().orElse(null);
            if (stored == null) {
                return OptionalLong.empty();
            }
            userId = stored.getUserId();
            if (generation.get() == before) {
                known.put(hash, userId);
            }
        }
        return OptionalLong.of(userId);
    }

    private String store(ApiKey key, boolean isNew) {
        String plain = RandomTokens.apiKey();
        key.replace(Digests.hmacSha256Hex(lookupKey, plain), box.seal(plain));
        if (isNew) {
            em.persist(key);
        }
        em.flush();
        return plain;
    }

    /**
     * Within the transaction that ended every credential of the user (disable, a compromised
     * account): the key stops working on every node, and a new one is made on the next view.
     */
    void deleteOnRevokeAll(@Observes @Default AccountChanged change) {
        if (change.endsStandingCredentials()) {
            ApiKey key = em.find(ApiKey.class, change.userId(), LockModeType.PESSIMISTIC_WRITE);
            if (key != null) {
                replaced.fire(new ApiKeyReplaced(key.getLookupHash()));
                em.remove(key);
            }
        }
    }

    void forget(@Observes(during = TransactionPhase.AFTER_COMPLETION) ApiKeyReplaced old) {
        generation.incrementAndGet();
        known.remove(old.lookupHash());
    }

    /** A key that stopped working, named by its look-up hash. */
    public record ApiKeyReplaced(String lookupHash) {
    }

    /** This node missed changes for a while (docs/cluster.md): nothing it cached is trusted. */
    void startOver(@Observes FeedResumed resumed) {
        generation.incrementAndGet();
        known.clear();
    }
}
