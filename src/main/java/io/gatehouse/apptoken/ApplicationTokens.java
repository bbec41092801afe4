package io.gatehouse.apptoken;

import io.gatehouse.audit.AuditReason;
import io.gatehouse.cluster.FeedFreshness.FeedResumed;
import io.gatehouse.crypto.Digests;
import io.gatehouse.crypto.RandomTokens;
import io.gatehouse.net.IpRange;
import io.gatehouse.web.ApiException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Application tokens: created (shown once), listed, revoked, exchanged. Each live token's rules
 * (expiry, address range) are held in memory, so an auth_token derived from one is checked on
 * every request without a database read, and stops working as soon as the token is revoked.
 */
@ApplicationScoped
public class ApplicationTokens {

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @Inject
    Event<Revoked> revoked;

    /** Live tokens by id: what a derived auth_token must still satisfy. */
    private final Map<Long, Rules> live = new ConcurrentHashMap<>();
    /** Moved by every removal, so that a row read before it is not remembered after it. */
    private final AtomicLong generation = new AtomicLong();

    record Rules(Instant expiry, IpRange range) {
        boolean admit(String address, Instant now) {
            return (expiry == null || now.isBefore(expiry)) && (range == null || range.contains(address));
        }
    }

    /** Fired when a token is revoked. */
    public record Revoked(long id) {
    }

    /** The outcome of an exchange: the token, or why not (an {@link AuditReason}) and whose it was when known. */
    public record Exchange(ApplicationToken token, String refusal, Long creatorId) {
        static Exchange refused(String refusal, ApplicationToken token) {
            return new Exchange(null, refusal, token == null ? null : token.getCreatorId());
        }

        public boolean isAccepted() {
            return token != null;
        }
    }

    /** A new token; the plain value is returned this once and never stored. */
    public record Created(ApplicationToken token, String value) {
    }

    @PostConstruct
    void load() {
        em.createQuery("select t from ApplicationToken t where t.status = :active", ApplicationToken.class)
                .setParameter("active", ApplicationToken.ACTIVATED)
                .getResultList().forEach(this::remember);
    }

    @Transactional
    public Created create(long organizationId, long creatorId, String description, Instant expiry, String ipRange) {
        String value = RandomTokens.apiKey() + RandomTokens.apiKey();
        ApplicationToken token = new ApplicationToken(Digests.sha256Hex(value), organizationId, creatorId,
                description, expiry, ipRange);
        em.persist(token);
        em.flush();
        remember(token);
        return new Created(token, value);
    }

    public List<ApplicationToken> list(long organizationId) {
        return em.createQuery("select t from ApplicationToken t where t.organizationId = :org order by t.id",
                ApplicationToken.class).setParameter("org", organizationId).getResultList();
    }

    @Transactional
    public void revoke(long organizationId, long id) {
        ApplicationToken token = em.find(ApplicationToken.class, id);
        if (token == null || token.getOrganizationId() != organizationId) {
            throw ApiException.notFound("No application token " + id);
        }
        token.revoke();
        revoked.fire(new Revoked(id));
    }

    /** emnify's PATCH may rename a token of the organisation; 404 for any other id. */
    @Transactional
    public void describe(long organizationId, long id, String description) {
        ApplicationToken token = em.find(ApplicationToken.class, id);
        if (token == null || token.getOrganizationId() != organizationId) {
            throw ApiException.notFound("No application token " + id);
        }
        token.describe(description);
    }

    /** The token's record if it may be exchanged now from that address. */
    public Optional<ApplicationToken> exchangeable(String value, String address) {
        return Optional.ofNullable(exchange(value, address).token());
    }

    /** The token if it may be exchanged now from that address, else why not; an expired token is revoked on the way. */
    @Transactional
    public Exchange exchange(String value, String address) {
        ApplicationToken token = em.createQuery("select t from ApplicationToken t where t.tokenHash = :hash",
                ApplicationToken.class).setParameter("hash", Digests.sha256Hex(value)).getResultStream()
                .findFirst().orElse(null);
        if (token == null) {
            return Exchange.refused(AuditReason.BAD_CREDENTIALS, null);
        }
        if (token.getStatus() != ApplicationToken.ACTIVATED) {
            return Exchange.refused(AuditReason.REVOKED, token);
        }
        if (token.getCreatorId() == null) {
            return Exchange.refused(AuditReason.UNKNOWN_USER, token);
        }
        Instant now = Instant.now();
        if (token.getExpiryDate() != null && !now.isBefore(token.getExpiryDate())) {
            token.revoke();
            revoked.fire(new Revoked(token.getId()));
            return Exchange.refused(AuditReason.EXPIRED, token);
        }
        return rules(token).admit(address, now) ? new Exchange(token, null, token.getCreatorId())
                : Exchange.refused(AuditReason.ADDRESS_NOT_ALLOWED, token);
    }

    /** Whether an auth_token derived from token {@code id} may still be used from that address. */
    public boolean admits(long id, String address) {
        Rules rules = rules(id);
        return rules != null && rules.admit(address, Instant.now());
    }

    /**
     * The token's rules: from memory, else (a token made on another node) from its row, once. An
     * auth_token names only ids we signed, so misses are few.
     */
    private Rules rules(long id) {
        Rules rules = live.get(id);
        if (rules == null) {
            long before = generation.get();
            ApplicationToken token = em.find(ApplicationToken.class, id);
            if (token != null && token.getStatus() == ApplicationToken.ACTIVATED) {
                rules = rules(token);
                if (generation.get() == before) {
                    live.put(id, rules);
                }
            }
        }
        return rules;
    }

    /** Why a derived auth_token is not admitted (after {@link #admits} said no), for the audit log. */
    public String refusal(long id, String address) {
        Rules rules = rules(id);
        if (rules == null) {
            return AuditReason.REVOKED;
        }
        return rules.expiry() != null && !Instant.now().isBefore(rules.expiry())
                ? AuditReason.EXPIRED : AuditReason.ADDRESS_NOT_ALLOWED;
    }

    void forget(@Observes(during = TransactionPhase.AFTER_SUCCESS) Revoked event) {
        generation.incrementAndGet();
        live.remove(event.id());
    }

    private void remember(ApplicationToken token) {
        live.put(token.getId(), rules(token));
    }

    private static Rules rules(ApplicationToken token) {
        return new Rules(token.getExpiryDate(),
                token.getIpRange() == null ? null : IpRange.parse(token.getIpRange()).orElse(null));
    }

    /** This node missed changes for a while (docs/cluster.md): nothing it cached is trusted. */
    void startOver(@Observes FeedResumed resumed) {
        generation.incrementAndGet();
        live.clear();
    }
}
