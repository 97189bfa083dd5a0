package org.gatehouse.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.gatehouse.metadata.AdminViewDeclaration;

/** The audit trail is an admin view like any other, except that nobody may write to it. */
@ApplicationScoped
public class AuditAdminViews {

    @Produces
    public AdminViewDeclaration<AuditEntry> audit() {
        return AdminViewDeclaration.of(AuditEntry.class)
                .name("audit").labels("Audit log", "Audit entry")
                .icon("pi pi-history").category("Access")
                .readOnlyView()
                .title("entityLabel")
                .columns("at", "actor", "action", "entityType", "entityId", "entityLabel", "clientIp")
                .propertyLabel("at", "When").propertyLabel("entityType", "Type").propertyLabel("entityId", "Record id")
                .propertyLabel("entityLabel", "Record").propertyLabel("clientIp", "Client IP")
                .searchable("entityLabel")
                .filters("actor", "action", "entityType", "at")
                .defaultSort("-at");
    }
}
