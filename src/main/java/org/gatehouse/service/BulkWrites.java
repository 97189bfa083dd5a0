package org.gatehouse.service;

import static org.gatehouse.service.WriteSteps.requireCapability;
import static org.gatehouse.service.WriteSteps.requireVersion;
import static org.gatehouse.service.WriteSteps.withNotes;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Map;
import org.gatehouse.audit.AuditAction;
import org.gatehouse.audit.AuditLog;
import org.gatehouse.i18n.Message;
import org.gatehouse.identity.StepUp;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.metadata.BulkAction;
import org.gatehouse.metadata.Operation;
import org.gatehouse.metadata.Roles;
import org.gatehouse.metadata.ValueText;

/**
 * Writes to a selection of a list, all or none in one transaction: delete the selected records, or
 * run a declared bulk action on them. A selection holds at most one page of the view's biggest
 * size; each record must still be the version the caller saw and lie within their scope; every
 * record gets its own audit entry.
 */
@Stateless
@DeclareRoles({Roles.ADMIN, Roles.EDITOR, Roles.VIEWER})
@RolesAllowed({Roles.ADMIN, Roles.EDITOR, Roles.VIEWER})
public class BulkWrites {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private StepUp stepUp;

    @Inject
    private AccessChecks access;

    @Inject
    private EntityLookups lookups;

    @Inject
    private WriteSteps steps;

    /**
     * Deletes all the given records or none of them. Each id maps to the version the caller saw;
     * a record changed or deleted since then fails the whole request.
     */
    public <E> int deleteAll(AdminView<E> shown, Map<String, Long> versions) {
        AdminView<E> view = steps.declared(shown);
        requireCapability(view.deletable(), "service.notDeletable");
        access.requireWrite(view, Operation.DELETE);
        AccessChecks.requireSelectionSize(view, versions.size());
        stepUp.require("delete several records at once");
        int deleted = 0;
        for (Map.Entry<String, Long> row : versions.entrySet()) {
            E current = lookups.find(view, row.getKey()).orElseThrow(() -> new ConflictException(row.getKey(), true));
            requireVersion(current, row.getValue(), row.getKey());
            String changes = AuditLog.diff(ValueText.snapshot(view, current), Map.of());
            Map<String, String> trashed = steps.moveToTrash(view, current);
            em.remove(current);
            steps.audit(view, AuditAction.BULK_DELETE, current, withNotes(changes, trashed));
            deleted++;
        }
        steps.flush(view, null);
        return deleted;
    }

    /** Runs a declared bulk action on every given record (id → version seen), in one transaction. */
    public <E> int runAction(AdminView<E> shown, String actionName, Map<String, Long> versions) {
        AdminView<E> view = steps.declared(shown);
        BulkAction<E> action = view.action(actionName)
                .orElseThrow(() -> new WriteException(null, Message.of("service.unknownAction")));
        access.requireAction(view, actionName);
        AccessChecks.requireSelectionSize(view, versions.size());
        int changed = 0;
        for (Map.Entry<String, Long> row : versions.entrySet()) {
            E current = lookups.find(view, row.getKey()).orElseThrow(() -> new ConflictException(row.getKey(), true));
            requireVersion(current, row.getValue(), row.getKey());
            Map<String, String> before = ValueText.snapshot(view, current);
            Map<String, String> referencesBefore = ValueText.references(view, current);
            action.change().accept(current);
            access.requireUnchanged(view, before, ValueText.snapshot(view, current), Operation.EDIT);
            em.flush();
            access.requireInScope(view, current, Operation.EDIT);
            String changes = AuditLog.diff(
                    before, ValueText.snapshot(view, current), referencesBefore, ValueText.references(view, current));
            steps.audit(view, AuditAction.BULK_ACTION, current, withNotes(changes, Map.of("@action", action.name())));
            changed++;
        }
        steps.flush(view, null);
        return changed;
    }
}
