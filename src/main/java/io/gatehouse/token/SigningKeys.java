package io.gatehouse.token;

import io.gatehouse.cluster.FeedFreshness.FeedResumed;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import io.gatehouse.crypto.RandomTokens;
import io.gatehouse.crypto.SecretBox;
import io.gatehouse.crypto.ServerSecret;
import io.gatehouse.settings.Settings;
import io.gatehouse.settings.SettingsCatalog;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * ES256 signing keys with a {@code kid}. Rotation makes a new key the signer and retires the old
 * one, which stays published (and so verifies) until the longest-lived token it signed expires.
 */
@ApplicationScoped
public class SigningKeys {

    static final JWSAlgorithm ALGORITHM = JWSAlgorithm.ES256;

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @Inject
    ServerSecret serverSecret;

    @Inject
    Settings settings;

    @Inject
    Event<Rotated> rotated;

    private SecretBox box;
    private volatile KeyRing ring;

    /** Fired after a rotation commits. */
    public record Rotated(String newKid) {
    }

    @PostConstruct
    void init() {
        box = new SecretBox(serverSecret.derive("signing-key-encryption"));
    }

    KeyRing ring() {
        KeyRing current = ring;
        if (current == null) {
            current = reload();
        }
        return current;
    }

    public JWKSet publicKeys() {
        return ring().published();
    }

    /**
     * The signing key's id, loading the keys first when a rotation has cleared them (readiness
     * asks); fails like the loading does, when there is no active key or it does not open.
     */
    public String activeKeyId() {
        return ring().active().getKeyID();
    }

    /** Makes the first key when there is none. */
    @Transactional
    public void ensureActive() {
        if (em.createQuery("select count(k) from SigningKey k where k.retiredAt is null", Long.class).getSingleResult() == 0) {
            em.persist(generate());
            em.flush();
        }
        ring = null;
    }

    /** A new signing key; the old one keeps verifying until its tokens have expired. */
    @Transactional
    public String rotate() {
        Instant now = Instant.now();
        em.createQuery("select k from SigningKey k where k.retiredAt is null", SigningKey.class)
                .getResultList().forEach(k -> k.retire(now));
        SigningKey fresh = generate();
        em.persist(fresh);
        em.flush();
        rotated.fire(new Rotated(fresh.getKid()));
        return fresh.getKid();
    }

    /** The active key's age, for the scheduled rotation. */
    public Duration activeKeyAge() {
        return em.createQuery("select k from SigningKey k where k.retiredAt is null order by k.createdAt desc", SigningKey.class)
                .setMaxResults(1).getResultStream().findFirst()
                .map(k -> Duration.between(k.getCreatedAt(), Instant.now()))
                .orElse(Duration.ZERO);
    }

    void onRotated(@Observes(during = TransactionPhase.AFTER_SUCCESS) Rotated event) {
        ring = null;
    }

    /** Reads the keys again: after a rotation here, or on schedule for rotations elsewhere. */
    public synchronized KeyRing reload() {
        Instant keepSince = Instant.now().minus(Duration.ofDays(settings.intValue(SettingsCatalog.REFRESH_TOKEN_TTL_DAYS)))
                .minus(Duration.ofMinutes(settings.intValue(SettingsCatalog.AUTH_TOKEN_TTL_MINUTES)));
        List<JWK> published = new ArrayList<>();
        ECKey active = null;
        for (SigningKey key : em.createQuery("select k from SigningKey k order by k.createdAt desc", SigningKey.class)
                .getResultList()) {
            if (key.getRetiredAt() != null && key.getRetiredAt().isBefore(keepSince)) {
                continue;
            }
            try {
                published.add(JWK.parse(key.getPublicJwk()));
                if (active == null && key.getRetiredAt() == null) {
                    active = ECKey.parse(box.open(key.getSealedPrivateJwk()));
                }
            } catch (ParseException | IllegalStateException e) {
                throw new IllegalStateException("Cannot open signing key " + key.getKid()
                        + ": is GATEHOUSE_SECRET the key this database was started with?", e);
            }
        }
        if (active == null) {
            throw new IllegalStateException("No active signing key");
        }
        KeyRing fresh = KeyRing.of(active, new JWKSet(published));
        ring = fresh;
        return fresh;
    }

    private SigningKey generate() {
        try {
            ECKey key = new ECKeyGenerator(Curve.P_256)
                    .keyID(RandomTokens.apiKey().substring(0, 16))
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(ALGORITHM)
                    .generate();
            return new SigningKey(key.getKeyID(), ALGORITHM.getName(), key.toPublicJWK().toJSONString(),
                    box.seal(key.toJSONString()), Instant.now());
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate a P-256 key", e);
        }
    }

    /** This node missed changes for a while (docs/cluster.md): the key ring is read again on next use. */
    void startOver(@Observes FeedResumed resumed) {
        ring = null;
    }
}
