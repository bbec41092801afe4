package io.gatehouse.cluster;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;

/** One row of the change feed: an event that outdated some node-local cache, as JSON. */
@Entity
@Table(name = "gh_cluster_change")
public class ClusterChange {

    @Id
    @SequenceGenerator(name = "gh_cluster_change_seq", sequenceName = "gh_cluster_change_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "gh_cluster_change_seq")
    @Column(name = "id")
    private Long id;

    /** The node that made the change, which applied it already. */
    @Column(name = "origin", nullable = false, length = 36)
    private String origin;

    @Column(name = "topic", nullable = false, length = 40)
    private String topic;

    @Column(name = "payload", nullable = false, length = 4000)
    private String payload;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    protected ClusterChange() {
    }

    ClusterChange(String origin, String topic, String payload, Instant changedAt) {
        this.origin = origin;
        this.topic = topic;
        this.payload = payload;
        this.changedAt = changedAt;
    }

    public Long getId() {
        return id;
    }

    public String getOrigin() {
        return origin;
    }

    public String getTopic() {
        return topic;
    }

    public String getPayload() {
        return payload;
    }
}
