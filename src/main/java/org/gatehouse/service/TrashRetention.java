package org.gatehouse.service;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gatehouse.audit.AuditAction;
import org.gatehouse.audit.AuditLog;
import org.gatehouse.metadata.JsonTexts;

/**
 * Applies {@code GATEHOUSE_TRASH_RETENTION_DAYS} once a night: records deleted into a trash longer
 * ago are deleted for good. The default, 0, keeps them until someone restores or purges them. Each
 * purge writes one audit entry with the cut-off and how many records it removed.
 */
@Singleton
public class TrashRetention {

    private static final Logger LOG = Logger.getLogger(TrashRetention.class.getName());

    @Inject
    @ConfigProperty(name = "GATEHOUSE_TRASH_RETENTION_DAYS", defaultValue = "0")
    private int retentionDays;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AuditLog audit;

    @Schedule(hour = "3", minute = "29", persistent = false)
    public void purgeExpired() {
        if (retentionDays <= 0) {
            return;
        }
        int purged = purgeDeletedBefore(OffsetDateTime.now(ZoneOffset.UTC).minusDays(retentionDays));
        LOG.info(() ->
                "Trash retention: " + purged + " records deleted more than " + retentionDays + " days ago purged");
    }

    /** Deletes for good what was moved to any trash before the cut-off (an index range); audited as one {@code PURGE}. */
    public int purgeDeletedBefore(OffsetDateTime cutOff) {
        int purged = em.createQuery("delete from TrashedRecord t where t.deletedAt < :cutOff")
                .setParameter("cutOff", cutOff)
                .executeUpdate();
        audit.record(
                AuditAction.PURGE,
                "Trash",
                null,
                "Retention",
                JsonTexts.object()
                        .add("before", cutOff.toString())
                        .add("purged", purged)
                        .build()
                        .toString());
        return purged;
    }
}
