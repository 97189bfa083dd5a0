package org.gatehouse.audit;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Applies {@code GATEHOUSE_AUDIT_RETENTION_DAYS} once a night. The default, 0, keeps the audit
 * trail forever. Each purge writes an audit entry of its own.
 */
@Singleton
public class AuditRetention {

    private static final Logger LOG = Logger.getLogger(AuditRetention.class.getName());

    @Inject
    @ConfigProperty(name = "GATEHOUSE_AUDIT_RETENTION_DAYS", defaultValue = "0")
    private int retentionDays;

    @Inject
    private AuditLog audit;

    @Schedule(hour = "3", minute = "17", persistent = false)
    public void purgeExpired() {
        if (retentionDays <= 0) {
            return;
        }
        int purged = audit.purgeBefore(OffsetDateTime.now(ZoneOffset.UTC).minusDays(retentionDays));
        LOG.info(() -> "Audit retention: " + purged + " entries older than " + retentionDays + " days purged");
    }
}
