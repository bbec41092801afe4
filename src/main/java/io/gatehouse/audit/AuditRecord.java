package io.gatehouse.audit;

import io.gatehouse.persistence.InstantConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;

/** A stored {@link AuditEvent}. No link to the user's row: a deleted user's history stays. */
@Entity
@Table(name = "gh_audit_event")
public class AuditRecord {

    @Id
    @SequenceGenerator(name = "gh_audit_event_seq", sequenceName = "gh_audit_event_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "gh_audit_event_seq")
    @Column(name = "id")
    private Long id;

    @Convert(converter = InstantConverter.class)
    @Column(name = "event_time", nullable = false)
    private Instant time;

    @Column(name = "user_id")
    private Long userId;

    @Column(name = "username", length = AuditEvent.MAX_USERNAME)
    private String username;

    @Column(name = "scheme", nullable = false, length = 40)
    private String scheme;

    @Column(name = "outcome", nullable = false, length = 16)
    private String outcome;

    @Column(name = "reason", length = 64)
    private String reason;

    @Column(name = "address", length = AuditEvent.MAX_ADDRESS)
    private String address;

    protected AuditRecord() {
    }

    AuditRecord(AuditEvent event) {
        this.time = event.time();
        this.userId = event.userId();
        this.username = event.username();
        this.scheme = event.scheme().wireName();
        this.outcome = event.outcome().wireName();
        this.reason = event.reason();
        this.address = event.address();
    }

    public Long getId() { return id; }
    public Instant getTime() { return time; }
    public Long getUserId() { return userId; }
    public String getUsername() { return username; }
    public String getScheme() { return scheme; }
    public String getOutcome() { return outcome; }
    public String getReason() { return reason; }
    public String getAddress() { return address; }
}
