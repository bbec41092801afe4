package io.gatehouse.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The audit table: appended to in batches, searched newest first. */
@ApplicationScoped
public class AuditStore {

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @Transactional
    public void append(List<AuditEvent> events) {
        for (AuditEvent event : events) {
            em.persist(new AuditRecord(event));
        }
    }

    public List<AuditRecord> search(AuditQuery query) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (query.userId() != null) {
            conditions.add("a.userId = :userId");
            parameters.put("userId", query.userId());
        }
        if (query.username() != null) {
            conditions.add("lower(a.username) = :username");
            parameters.put("username", query.username().toLowerCase(Locale.ROOT));
        }
        if (query.scheme() != null) {
            conditions.add("a.scheme = :scheme");
            parameters.put("scheme", query.scheme().wireName());
        }
        if (query.outcome() != null) {
            conditions.add("a.outcome = :outcome");
            parameters.put("outcome", query.outcome().wireName());
        }
        if (query.address() != null) {
            conditions.add("a.address = :address");
            parameters.put("address", query.address());
        }
        if (query.from() != null) {
            conditions.add("a.time >= :from");
            parameters.put("from", query.from());
        }
        if (query.to() != null) {
            conditions.add("a.time <= :to");
            parameters.put("to", query.to());
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        TypedQuery<AuditRecord> jpql = em.createQuery(
                "select a from AuditRecord a" + where + " order by a.time desc, a.id desc", AuditRecord.class);
        parameters.forEach(jpql::setParameter);
        return jpql.setFirstResult(query.first()).setMaxResults(query.max()).getResultList();
    }
}
