package org.gatehouse.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.gatehouse.persistence.BaseEntity;

/**
 * One line of the audit trail: who did what to which record, from where, with the changed
 * fields as JSON ({@code {"field": {"old": …, "new": …}}}). Written once, never changed.
 */
@Entity
@Table(name = "audit_log")
public class AuditEntry extends BaseEntity {

    private static final long serialVersionUID = 1L;

    @Id
    @SequenceGenerator(name = "audit_log_seq", sequenceName = "audit_log_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_log_seq")
    private Long id;

    @Column(nullable = false, updatable = false)
    private OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC);

    @Column(length = 254, updatable = false)
    private String actor;

    @Column(name = "client_ip", length = 64, updatable = false)
    private String clientIp;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40, updatable = false)
    private AuditAction action;

    @Column(name = "entity_type", length = 80, updatable = false)
    private String entityType;

    @Column(name = "entity_id", length = 64, updatable = false)
    private String entityId;

    @Column(name = "entity_label", length = 255, updatable = false)
    private String entityLabel;

    @Column(updatable = false, columnDefinition = "TEXT")
    private String changes;

    protected AuditEntry() {}

    AuditEntry(
            AuditAction action,
            String actor,
            String clientIp,
            String entityType,
            String entityId,
            String entityLabel,
            String changes) {
        this.action = action;
        this.actor = truncate(actor, 254);
        this.clientIp = truncate(clientIp, 64);
        this.entityType = truncate(entityType, 80);
        this.entityId = truncate(entityId, 64);
        this.entityLabel = truncate(entityLabel, 255);
        this.changes = changes;
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    @Override
    public Long getId() {
        return id;
    }

    public OffsetDateTime getAt() {
        return at;
    }

    public String getActor() {
        return actor;
    }

    public String getClientIp() {
        return clientIp;
    }

    public AuditAction getAction() {
        return action;
    }

    public String getEntityType() {
        return entityType;
    }

    public String getEntityId() {
        return entityId;
    }

    public String getEntityLabel() {
        return entityLabel;
    }

    public String getChanges() {
        return changes;
    }
}
