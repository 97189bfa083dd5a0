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
                .name("audit")
                .labels("view.audit", "view.audit.singular")
                .icon("pi pi-history")
                .category("view.category.access")
                .readOnlyView()
                // entries name records of every view: closed to callers whose access rules narrow
                .listsRecordsOfOtherViews()
                .title("entityLabel")
                .columns("at", "actor", "action", "entityType", "entityId", "entityLabel", "clientIp")
                .propertyLabel("id", "field.audit.id")
                .propertyLabel("at", "field.audit.at")
                .propertyLabel("actor", "field.audit.actor")
                .propertyLabel("action", "field.audit.action")
                .propertyLabel("entityType", "field.audit.entityType")
                .propertyLabel("entityId", "field.audit.entityId")
                .propertyLabel("entityLabel", "field.audit.entityLabel")
                .propertyLabel("clientIp", "field.audit.clientIp")
                .propertyLabel("changes", "field.audit.changes")
                .searchable("entityLabel")
                .filters("actor", "action", "entityType", "at")
                .createdAt("at")
                .defaultSort("-at");
    }
}
