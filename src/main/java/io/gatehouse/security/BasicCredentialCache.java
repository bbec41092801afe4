package io.gatehouse.security;

import io.gatehouse.cluster.FeedFreshness.FeedResumed;
import io.gatehouse.account.AccountChanged;
import io.gatehouse.crypto.Digests;
import io.gatehouse.crypto.ServerSecret;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * E-mail and password pairs already verified, held under a keyed hash (never the password), so
 * HTTP Basic costs one HMAC per request instead of Argon2id. A password change or a lock drops
 * that user's entries.
 */
@ApplicationScoped
class BasicCredentialCache {

    private static final int MAX_ENTRIES = 100_000;

    @Inject
    ServerSecret serverSecret;

    private byte[] key;
    private final Map<String, Long> verified = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    @PostConstruct
    void init() {
        key = serverSecret.derive("basic-credential-cache");
    }

    String fingerprint(String normalizedEmail, String password) {
        return Digests.hmacSha256Hex(key, normalizedEmail + '\u0000' + password);
    }

    Long userFor(String fingerprint) {
        return verified.get(fingerprint);
    }

    /** Take before verifying; {@link #remember} ignores a result that raced with a change. */
    long generation() {
        return generation.get();
    }

    void remember(String fingerprint, long userId, long generationBefore) {
        if (verified.size() >= MAX_ENTRIES) {
            verified.clear();
        }
        if (generation.get() == generationBefore) {
            verified.put(fingerprint, userId);
        }
    }

    void onAccountChange(@Observes(during = TransactionPhase.AFTER_COMPLETION) AccountChanged change) {
        if (change.dropsCachedPasswords()) {
            generation.incrementAndGet();
            verified.values().removeIf(id -> id == change.userId());
        }
    }

    /** This node missed changes for a while (docs/cluster.md): nothing it cached is trusted. */
    void startOver(@Observes FeedResumed resumed) {
        generation.incrementAndGet();
        verified.clear();
    }
}
