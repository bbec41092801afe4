package io.gatehouse.cluster;

import io.gatehouse.config.GatehouseConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The change feed's table: written inside a change's transaction, read and pruned by {@link ChangeFeed}. */
@ApplicationScoped
public class ClusterChanges {

    /** This node, as long as the application runs here. */
    static final String NODE = UUID.randomUUID().toString();

    /**
     * Only an external database can have several nodes: the embedded H2 file belongs to one server,
     * so on it the feed is neither written nor read.
     */
    static boolean shared() {
        return GatehouseConfig.get("GATEHOUSE_DB_URL").isPresent();
    }

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(Record event) {
        if (!shared()) {
            return;
        }
        em.persist(new ClusterChange(NODE, ReplicatedEvents.topicOf(event), ReplicatedEvents.encode(event), Instant.now()));
    }

    /** The rows after {@code id}, oldest first. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<ClusterChange> after(long id) {
        return em.createQuery("select c from ClusterChange c where c.id > :id order by c.id", ClusterChange.class)
                .setParameter("id", id).setMaxResults(10_000).getResultList();
    }

    /** The newest row's id, 0 when there is none. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long newest() {
        Long max = em.createQuery("select max(c.id) from ClusterChange c", Long.class).getSingleResult();
        return max == null ? 0 : max;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public int deleteBefore(Instant cutoff) {
        return em.createQuery("delete from ClusterChange c where c.changedAt < :cutoff")
                .setParameter("cutoff", cutoff).executeUpdate();
    }
}
