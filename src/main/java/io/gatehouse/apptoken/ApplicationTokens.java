package io.gatehouse.apptoken;

import io.gatehouse.account.AccountChanged;
import io.gatehouse.audit.AuditReason;
import io.gatehouse.cluster.FeedFreshness.FeedResumed;
import io.gatehouse.crypto.Digests;
import io.gatehouse.crypto.RandomTokens;
import io.gatehouse.web.ApiException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Default;
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
import java.util.logging.Logger;

/**
 * Application tokens: created (shown once), listed, revoked, exchanged. Each live token's rules
 * (expiry, address range) are held in memory, so an auth_token derived from one is checked on
 * every request without a database read, and stops working as soon as the token is revoked.
 */
@ApplicationScoped
public class ApplicationTokens {

    private static final Logger LOG = Logger.getLogger(ApplicationTokens.class.getName());

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @Inject
    Event<Revoked> revoked;

    /** Live tokens by id: what a derived auth_token must still satisfy. */
    private final Map<Long, ApplicationTokenRules> live = new ConcurrentHashMap<>();
    /** Moved by every removal, so that a row read before it is not remembered after it. */
    private final AtomicLong generation = new AtomicLong();

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

    /**
     * emnify's PATCH, all or nothing: renames ({@code description} not null) and/or revokes a token
     * of the caller's organisation: its own, or as an admin any member's. Another organisation's
     * token is answered like a missing one, so ids reveal nothing across the boundary.
     */
    @Transactional
    public void change(long organizationId, long callerId, boolean callerIsAdmin, long id, String description,
                       boolean revoke) {
        ApplicationToken token = em.find(ApplicationToken.class, id);
        if (token == null || token.getOrganizationId() != organizationId) {
            throw ApiException.notFound("No application token " + id);
        }
        if (!callerIsAdmin && (token.getCreatorId() == null || token.getCreatorId() != callerId)) {
            throw new ApiException(403, "Only an admin may change an application token that another member created");
        }
        if (description != null) {
            token.describe(description);
        }
        if (revoke) {
            token.revoke();
            revoked.fire(new Revoked(id));
        }
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
        String refusal = rules(token).refusal(address, now);
        return refusal == null ? new Exchange(token, null, token.getCreatorId()) : Exchange.refused(refusal, token);
    }

    /** Whether an auth_token derived from token {@code id} may still be used from that address. */
    public boolean admits(long id, String address) {
        ApplicationTokenRules rules = rules(id);
        return rules != null && rules.admit(address, Instant.now());
    }

    /**
     * The token's rules: from memory, else (a token made on another node) from its row, once. An
     * auth_token names only ids we signed, so misses are few.
     */
    private ApplicationTokenRules rules(long id) {
        ApplicationTokenRules rules = live.get(id);
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
        ApplicationTokenRules rules = rules(id);
        if (rules == null) {
            return AuditReason.REVOKED;
        }
        String refusal = rules.refusal(address, Instant.now());
        return refusal != null ? refusal : AuditReason.ADDRESS_NOT_ALLOWED;
    }

    /**
     * Within the transaction that ended every credential of the user (disable, a compromised
     * account): every token the user made is revoked, and auth_tokens derived from them stop.
     */
    void revokeOnRevokeAll(@Observes @Default AccountChanged change) {
        if (change.endsStandingCredentials()) {
            em.createQuery("select t from ApplicationToken t where t.creatorId = :user and t.status = :active",
                            ApplicationToken.class)
                    .setParameter("user", change.userId()).setParameter("active", ApplicationToken.ACTIVATED)
                    .getResultList().forEach(token -> {
                        token.revoke();
                        revoked.fire(new Revoked(token.getId()));
                    });
        }
    }

    void forget(@Observes(during = TransactionPhase.AFTER_SUCCESS) Revoked event) {
        generation.incrementAndGet();
        live.remove(event.id());
    }

    private void remember(ApplicationToken token) {
        live.put(token.getId(), rules(token));
    }

    private static ApplicationTokenRules rules(ApplicationToken token) {
        ApplicationTokenRules rules = ApplicationTokenRules.of(token.getExpiryDate(), token.getIpRange());
        if (rules.rangeUnreadable()) {
            LOG.warning("Application token " + token.getId() + " has an ip range that cannot be read; it is refused until"
                    + " it is revoked or its ip_range is corrected");
        }
        return rules;
    }

    /** This node missed changes for a while (docs/cluster.md): nothing it cached is trusted. */
    void startOver(@Observes FeedResumed resumed) {
        generation.incrementAndGet();
        live.clear();
    }
}
